import type { LayoutBox } from '../../layout/index.js';
import { namesOf } from '../../grammar/names.js';
import { TopologyError } from '../../model/errors.js';
import type { Topology } from '../../model/types.js';
import type { AppEnv, ViewCache } from '../app-context.js';
import type { Action } from '../state/actions.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import type { CommandContext, CommandSpec, Intent } from './command-spec.js';
import { compareDesigns } from '../state/compare.js';
import { compareScenarioActions } from './compare-scenario.js';
import { exportState } from './export-state.js';

export interface RunContext {
  readonly store: Store<AppState, Action>;
  readonly env: AppEnv;
  /** The boxes as drawn now, for spatial selection moves (empty on the home screen). */
  readonly boxes: readonly LayoutBox[];
  /** What the scrolling panels hold as drawn now. */
  readonly scroll?: ViewCache['scroll'];
}

/** What a command reads: the store's state now (never a render's), the boxes, the key. */
export function commandContext(state: AppState, run: Pick<RunContext, 'boxes' | 'scroll'>, key = ''): CommandContext {
  return { state, boxes: run.boxes, scroll: run.scroll, key, names: state.design ? namesOf(state.design.topology) : undefined };
}

/**
 * Runs what a command produced: an action goes to the store; `load` reads the topology first
 * (a file's later), `export` writes a file and then says where, `compare` reads the built-ins. A command that needs a design
 * says so on the home screen.
 */
export function runIntent(command: CommandSpec, intent: Intent | undefined, context: RunContext): void {
  const { store } = context;
  if (command.needsDesign && !store.getState().design) {
    store.dispatch({ type: 'message', message: { text: 'open a design first: Enter, or a number 0-4', level: 'warn' } });
    return;
  }
  if (!intent) return;
  if (intent.type === 'terminal') return context.env.terminal?.[intent.do]();
  if (intent.type === 'export') return void exportState(store.getState(), intent.format, intent.file, context.env).then(store.dispatch);
  if (intent.type === 'compare') return openCompareScreen(context);
  if (intent.type === 'compare-scenario') return void compareScenarioActions(store.getState(), context.env).then((actions) => actions.forEach(store.dispatch), (error: unknown) => store.dispatch(cannotOpen(error)));
  if (intent.type !== 'load') return store.dispatch(intent);
  const action = open(intent.topology, context.env);
  if (action instanceof Promise) void action.then(store.dispatch);
  else store.dispatch(action);
}

/** The compare screen on the built-ins (read through the env: at once, as they are built in) and the user's designs. */
function openCompareScreen({ store, env }: RunContext): void {
  const loaded = env.designs().map((d) => env.loadTopology(String(d.number)));
  const show = (builtins: readonly Topology[]) => store.dispatch({ type: 'open-compare', designs: compareDesigns(store.getState(), builtins) });
  if (loaded.every((t): t is Topology => !(t instanceof Promise))) return show(loaded);
  void Promise.all(loaded).then(show, (error: unknown) => store.dispatch(cannotOpen(error)));
}

/** A design by number, id or file: opened, or a footer message saying why not. */
function open(arg: string, env: AppEnv): Action | Promise<Action> {
  const opened = (topology: Topology): Action => ({ type: 'open-design', topology });
  try {
    const loaded = env.loadTopology(arg);
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
