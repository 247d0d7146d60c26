import type { Ms } from '../../model/types.js';
import type { Mix, Request } from '../../sim/index.js';
import type { Speed } from '../state/app-state.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * A command with its arguments, whether it came from a key or from the command line: the one
 * input of `runInvocation`. Commands without arguments act on the current selection or mode.
 */
export type Invocation =
  | { readonly command: 'help' | 'command-line' | 'quit' | 'escape' | 'open' | 'reset' | 'redraw' | 'suspend' }
  /** Move the scrolling panel's window by a line or a page. */
  | { readonly command: 'scroll'; readonly by: 'line' | 'page'; readonly delta: 1 | -1 }
  | { readonly command: 'open-design'; readonly number: string }
  | { readonly command: 'goto'; readonly topology: string }
  | { readonly command: 'move'; readonly direction: Direction }
  | { readonly command: 'select-next' | 'select-prev' | 'toggle' | 'heal-all' | 'panel' | 'config' }
  | { readonly command: 'send'; readonly request?: Request; readonly text?: string }
  | { readonly command: 'step' | 'back' | 'replay' }
  | { readonly command: 'fail' | 'heal'; readonly target: string }
  | { readonly command: 'promote'; readonly target?: string }
  /** Without a target, the key: hang the selection, or restart it if it hangs. */
  | { readonly command: 'hang'; readonly target?: string }
  | { readonly command: 'maint'; readonly lb: string; readonly server: string; readonly on: boolean }
  | { readonly command: 'advance'; readonly ms: Ms }
  | { readonly command: 'tour' | 'tour-next' | 'tour-prev' | 'spof' }
  /** Without `to`, the key's toggle: start, pause or resume. */
  | { readonly command: 'traffic'; readonly to?: 'on' | 'off' }
  | { readonly command: 'qps'; readonly qps: number }
  | { readonly command: 'mix'; readonly mix: Mix }
  | { readonly command: 'speed'; readonly speed: Speed }
  | { readonly command: 'pause' | 'qps-up' | 'qps-down' | 'faster' | 'slower' | 'deploy' | 'monitor' | 'filter' }
  | { readonly command: 'log'; readonly filter?: string }
  /** Without ends, the key: the command line opens on `wire `. */
  | { readonly command: 'wire'; readonly from?: string; readonly to?: string };
