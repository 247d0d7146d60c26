import type { KeyMap } from './key-map.js';

/**
 * Panels for reading (help, tour, SPOF list, log, monitoring, wire, configuration): the arrows
 * and j/k scroll them, on top of whatever the screen binds them to.
 */
export const readingKeys: KeyMap = [
  { keys: ['up', 'k'], command: 'scroll', arg: 'up' },
  { keys: ['down', 'j'], command: 'scroll', arg: 'down' },
];
