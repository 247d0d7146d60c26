import type { KeyBinding } from '../keys/key-map.js';
import type { Direction, Invocation } from './invocation.js';

/** The `advance` key's step: long enough for HAProxy to mark a dead server down (3 × 2 s ≈ 6 s) in two presses. */
const ADVANCE_KEY_MS = 5_000;

/**
 * The command a key binding runs, given the key pressed (digits carry the design number).
 * Undefined for bindings that only the command line can fill in (they need an id).
 */
export function keyInvocation(binding: KeyBinding, key: string): Invocation | undefined {
  switch (binding.command) {
    case 'move':
      return { command: 'move', direction: (binding.arg ?? 'right') as Direction };
    case 'scroll':
      return { command: 'scroll', by: binding.arg?.startsWith('page') ? 'page' : 'line', delta: binding.arg === 'up' || binding.arg === 'pageup' ? -1 : 1 };
    case 'open-design':
      return { command: 'open-design', number: key };
    case 'advance':
      return { command: 'advance', ms: ADVANCE_KEY_MS };
    case 'promote':
      return { command: 'promote' };
    case 'hang':
      return { command: 'hang' };
    case 'send':
      return { command: 'send' };
    case 'pause':
    case 'qps-up':
    case 'qps-down':
    case 'faster':
    case 'slower':
    case 'deploy':
    case 'monitor':
    case 'filter':
      return { command: binding.command };
    case 'traffic':
      return { command: 'traffic' };
    case 'log':
      return { command: 'log' };
    case 'wire':
      return { command: 'wire' };
    case 'goto':
    case 'fail':
    case 'heal':
    case 'maint':
    case 'qps':
    case 'mix':
    case 'speed':
      return undefined;
    default:
      return { command: binding.command };
  }
}
