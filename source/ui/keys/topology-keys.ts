import type { KeyMap } from './key-map.js';

/** The topology screen, in every mode unless the mode's own map takes a key over. */
export const topologyKeys: KeyMap = [
  { keys: ['s'], command: 'send', footer: true },
  { keys: ['space', 'n'], command: 'step', footer: true },
  { keys: ['b', 'backspace'], command: 'back', footer: true },
  { keys: ['r'], command: 'replay' },
  { keys: ['left', 'h'], command: 'move', arg: 'left' },
  { keys: ['down', 'j'], command: 'move', arg: 'down' },
  { keys: ['up', 'k'], command: 'move', arg: 'up' },
  { keys: ['right', 'l'], command: 'move', arg: 'right' },
  { keys: ['tab'], command: 'select-next' },
  { keys: ['shift-tab'], command: 'select-prev' },
  { keys: ['enter', 'f'], command: 'toggle', footer: true },
  { keys: ['u'], command: 'heal-all' },
  { keys: ['H'], command: 'hang' },
  { keys: ['+', '=', ']'], command: 'advance', footer: true },
  { keys: ['T'], command: 'traffic', footer: true },
  { keys: ['d'], command: 'deploy' },
  { keys: ['m'], command: 'monitor' },
  { keys: ['e'], command: 'log' },
  { keys: ['w'], command: 'wire' },
  { keys: ['p'], command: 'promote' },
  { keys: ['t'], command: 'tour' },
  { keys: ['x'], command: 'spof' },
  { keys: ['i'], command: 'panel' },
  { keys: ['c'], command: 'config' },
  { keys: ['R'], command: 'reset' },
];

/** Tour mode: stepping moves through the slides instead of the hops. */
export const tourKeys: KeyMap = [
  { keys: ['space', 'n', 'right', 'l'], command: 'tour-next', footer: true },
  { keys: ['b', 'backspace', 'left', 'h'], command: 'tour-prev', footer: true },
];
