import type { LayoutBox } from '../../layout/index.js';
import { TopologyError } from '../../model/errors.js';
import type { Topology } from '../../model/types.js';
import type { AppEnv, ViewCache } from '../app-context.js';
import type { Action } from '../state/actions.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { scrolledSpot, scrollTarget } from '../view/scroll-window.js';
import type { Invocation } from './invocation.js';

export interface RunContext {
  readonly store: Store<AppState, Action>;
  readonly env: AppEnv;
  /** The boxes as drawn now, for spatial selection moves (empty on the home screen). */
  readonly boxes: readonly LayoutBox[];
  /** What the scrolling panels hold as drawn now. */
  readonly scroll?: ViewCache['scroll'];
}

/** Commands that need an open design. */
const designOnly = new Set<Invocation['command']>([
  'move', 'select-next', 'select-prev', 'toggle', 'heal-all', 'panel', 'config', 'send', 'step', 'back', 'replay',
  'fail', 'heal', 'hang', 'maint', 'promote', 'advance', 'reset', 'tour', 'tour-next', 'tour-prev', 'spof',
  'traffic', 'pause', 'qps', 'qps-up', 'qps-down', 'mix', 'speed', 'faster', 'slower', 'deploy', 'monitor', 'log', 'filter', 'wire',
]);

/**
 * Runs one command, from a key or the command line: turns it into actions for the store, doing
 * the effects (loading a topology) first. Reads the store's current state, never a render's.
 */
export function runInvocation(invocation: Invocation, context: RunContext): void {
  const { store } = context;
  const state = store.getState();
  if (designOnly.has(invocation.command) && !state.design) {
    store.dispatch({ type: 'message', message: { text: 'open a design first: Enter, or a number 0-4', level: 'warn' } });
    return;
  }
  const action = toAction(invocation, context);
  // Opening a file finishes later: its action is dispatched when the file has been parsed.
  if (action instanceof Promise) void action.then(store.dispatch);
  else if (action) store.dispatch(action);
}

function toAction(invocation: Invocation, context: RunContext): Action | Promise<Action> | undefined {
  const state = context.store.getState();
  switch (invocation.command) {
    case 'help':
      return { type: 'overlay', overlay: state.overlay === 'help' ? 'none' : 'help' };
    case 'command-line':
      return { type: 'overlay', overlay: 'command' };
    case 'quit':
      return { type: 'quit' };
    case 'redraw':
      context.env.terminal?.redraw();
      return undefined;
    case 'suspend':
      context.env.terminal?.suspend();
      return undefined;
    case 'escape':
      return { type: 'escape' };
    case 'reset':
      return { type: 'reset' };
    case 'scroll':
      return scrollAction(state, context.scroll, invocation.by, invocation.delta);
    case 'open':
      return open(String(state.highlighted), context);
    case 'open-design':
      return open(invocation.number, context);
    case 'goto':
      return open(invocation.topology, context);
    case 'move':
      return { type: 'move-selection', direction: invocation.direction, boxes: context.boxes };
    case 'select-next':
    case 'select-prev':
      return { type: 'cycle-selection', delta: invocation.command === 'select-next' ? 1 : -1 };
    case 'toggle':
      return { type: 'toggle-selected' };
    case 'heal-all':
      return { type: 'engine', input: { type: 'heal-all' } };
    case 'panel':
      return { type: 'toggle-panel' };
    case 'config':
      return { type: 'toggle-config' };
    case 'send':
      return invocation.request ? { type: 'engine', input: { type: 'send', request: invocation.request } } : { type: 'overlay', overlay: 'composer' };
    case 'step':
    case 'back':
    case 'replay':
      return { type: invocation.command };
    case 'fail':
    case 'heal':
      return { type: 'engine', input: { type: invocation.command, id: invocation.target } };
    case 'promote':
      return invocation.target ? { type: 'promote', id: invocation.target } : { type: 'promote' };
    case 'hang':
      return invocation.target ? { type: 'engine', input: { type: 'hang', id: invocation.target } } : { type: 'toggle-hang' };
    case 'maint':
      return { type: 'engine', input: { type: 'maintenance', lb: invocation.lb, server: invocation.server, on: invocation.on } };
    case 'advance':
      return { type: 'engine', input: { type: 'advance', ms: invocation.ms } };
    case 'tour':
      return { type: 'tour', to: 'toggle' };
    case 'tour-next':
    case 'tour-prev':
      return { type: 'tour', to: invocation.command === 'tour-next' ? 'next' : 'prev' };
    case 'spof':
      return { type: 'toggle-spof' };
    default:
      return trafficAction(invocation);
  }
}

/** The traffic commands: the keys without arguments open the command line where one is needed. */
function trafficAction(invocation: Invocation): Action | undefined {
  switch (invocation.command) {
    case 'traffic':
      return { type: 'traffic', to: invocation.to ?? 'toggle' };
    case 'pause':
      return { type: 'traffic', to: 'toggle' };
    case 'qps':
      return { type: 'qps', qps: invocation.qps };
    case 'qps-up':
    case 'qps-down':
      return { type: 'qps-step', delta: invocation.command === 'qps-up' ? 1 : -1 };
    case 'mix':
      return { type: 'mix', mix: invocation.mix };
    case 'speed':
      return { type: 'speed', speed: invocation.speed };
    case 'faster':
    case 'slower':
      return { type: 'speed-step', delta: invocation.command === 'faster' ? 1 : -1 };
    case 'deploy':
      return { type: 'deploy' };
    case 'monitor':
      return { type: 'view', view: 'monitor' };
    case 'log':
      return invocation.filter === undefined ? { type: 'view', view: 'log' } : { type: 'log-filter', filter: invocation.filter };
    case 'filter':
      return { type: 'overlay', overlay: 'command', draft: 'log ' };
    case 'wire':
      return invocation.from && invocation.to ? { type: 'wire', from: invocation.from, to: invocation.to } : { type: 'overlay', overlay: 'command', draft: 'wire ' };
    default:
      return undefined;
  }
}

/**
 * Loads a design (the only effect): a broken or unknown one becomes a footer message. Built-ins
 * open at once; a file's action comes when it has been read and parsed.
 */
function open(arg: string, context: RunContext): Action | Promise<Action> {
  const opened = (topology: Topology): Action => ({ type: 'open-design', topology });
  try {
    const loaded = context.env.loadTopology(arg);
    return loaded instanceof Promise ? loaded.then(opened, cannotOpen) : opened(loaded);
  } catch (error) {
    return cannotOpen(error);
  }
}

function cannotOpen(error: unknown): Action {
  const lines = error instanceof TopologyError ? error.problems : [error instanceof Error ? error.message : String(error)];
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more problem${lines.length > 2 ? 's' : ''}: infra-tui validate lists them)` : '';
  return { type: 'message', message: { text: `${lines[0] ?? 'cannot open it'}${more}`, level: 'error' } };
}

/** The scroll keys: the target panel's window moved a line or a page (a page keeps one row of context). */
function scrollAction(state: AppState, drawn: ViewCache['scroll'], by: 'line' | 'page', delta: 1 | -1): Action | undefined {
  const target = scrollTarget(state);
  const metrics = drawn?.[target];
  if (!metrics || metrics.total <= metrics.room) return undefined;
  const rows = by === 'line' ? delta : delta * Math.max(1, metrics.room - 1);
  return { type: 'scroll', target, spot: scrolledSpot(metrics, state.scroll[target], rows) };
}
