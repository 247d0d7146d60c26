import type { Ms } from '../../model/types.js';
import type { Request } from '../../sim/types.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * A command with its arguments, whether it came from a key or from the command line: the one
 * input of `runInvocation`. Commands without arguments act on the current selection or mode.
 */
export type Invocation =
  | { readonly command: 'help' | 'command-line' | 'quit' | 'escape' | 'open' }
  | { readonly command: 'open-design'; readonly number: string }
  | { readonly command: 'goto'; readonly topology: string }
  | { readonly command: 'move'; readonly direction: Direction }
  | { readonly command: 'select-next' | 'select-prev' | 'toggle' | 'heal-all' | 'panel' | 'config' }
  | { readonly command: 'send'; readonly request?: Request; readonly text?: string }
  | { readonly command: 'step' | 'back' | 'replay' }
  | { readonly command: 'fail' | 'heal'; readonly target: string }
  | { readonly command: 'promote'; readonly target?: string }
  | { readonly command: 'advance'; readonly ms: Ms }
  | { readonly command: 'tour' | 'tour-next' | 'tour-prev' | 'spof' };
