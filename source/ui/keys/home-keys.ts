import type { KeyMap } from './key-map.js';

/** The home screen. The list (ink-select-input) moves its highlight with ↑↓ and jk itself. */
export const homeKeys: KeyMap = [
  { keys: ['up', 'down', 'k', 'j'], command: 'move', native: true },
  { keys: ['enter', 'space'], command: 'open', footer: true },
];
