import type { KeyMap } from './key-map.js';

/**
 * Traffic mode, on top of the design screen: Space plays and pauses like a video, `+`/`-` turn
 * the load up and down, `>`/`<` the clock. Step-mode keys that make no sense under live traffic
 * (step, back) answer with a footer message instead.
 */
export const trafficKeys: KeyMap = [
  { keys: ['space'], command: 'pause', footer: true },
  { keys: ['+', '='], command: 'qps-up', footer: true },
  { keys: ['-', '_'], command: 'qps-down' },
  { keys: ['>', '.'], command: 'faster', footer: true },
  { keys: ['<', ','], command: 'slower' },
  { keys: ['enter', 'f'], command: 'toggle', footer: true },
  { keys: ['d'], command: 'deploy', footer: true },
  { keys: ['m'], command: 'monitor', footer: true },
  { keys: ['e'], command: 'log', footer: true },
  { keys: ['/'], command: 'filter' },
];
