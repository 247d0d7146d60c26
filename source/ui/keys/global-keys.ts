import type { KeyMap } from './key-map.js';

/** Keys that work on every screen (checked last, so a screen may take one over). */
export const globalKeys: KeyMap = [
  { keys: ['?'], command: 'help', footer: true },
  { keys: [':'], command: 'command-line', footer: true },
  { keys: ['0', '1', '2', '3', '4'], command: 'open-design' },
  { keys: ['esc'], command: 'escape' },
  { keys: ['pageup'], command: 'scroll', arg: 'pageup' },
  { keys: ['pagedown'], command: 'scroll', arg: 'pagedown' },
  { keys: ['q', 'ctrl-c'], command: 'quit', footer: true },
  { keys: ['ctrl-l'], command: 'redraw' },
  { keys: ['ctrl-z'], command: 'suspend' },
];
