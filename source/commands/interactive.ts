import { builtinIdOf } from '../model/builtin-ids.js';
import { builtins, loadBuiltin } from '../model/load-builtins.js';
import { loadTopology } from '../model/load-topology.js';
import type { AppEnv } from '../ui/app-context.js';
import type { Action } from '../ui/state/actions.js';
import type { AppState } from '../ui/state/app-state.js';
import type { Recording } from '../ui/state/recorder.js';
import type { Store } from '../ui/state/store.js';
import type { BuiltinScenario } from '../ui/app-context.js';
import { appHeap } from './app-heap.js';
import { recordTarget } from './record-file.js';
import { UsageError, type Command, type Io } from './context.js';
import { fileSaver } from './save-file.js';

/** What a non-terminal gets for the home screen: there is nothing to draw without a design. */
const NEEDS_TERMINAL = 'infra-tui: the interactive app needs a terminal; try "infra-tui list" or "infra-tui print 1"\n';

/**
 * `infra-tui [topology]`: the interactive app, on the home screen or on one design. When stdin
 * or stdout is not a terminal there is no app to run: with a topology it prints the diagram
 * exactly as `print` does (exit 0, so `infra-tui 1 | cat` is useful); without one it explains
 * in one line on stderr and exits 2, a usage error: what was asked cannot work here, and a
 * script should notice. Ink is never started without a terminal, so its raw-mode error cannot
 * happen. `--record FILE` saves everything done, with its virtual time, as a scenario on exit.
 */
export const interactiveCommand: Command = async ({ args, flags, io }) => {
  if (args.length > 1) throw new UsageError(`one topology at a time, not ${args.length}: infra-tui [number, id or file]`);
  const arg = args[0];
  if (!io.stdinIsTTY || !io.stdoutIsTTY) {
    if (arg !== undefined) return (await import('./print.js')).printCommand({ args: [arg], flags, io });
    io.stderr(NEEDS_TERMINAL);
    return 2;
  }
  const seed = flags.seed ?? 1;
  const target = flags.record === undefined ? undefined : recordTarget(flags.record, io, interactiveEnv(io));
  const topology = arg === undefined ? undefined : await loadTopology(arg, io.cwd);
  if (target && topology && arg !== undefined) target.remember(arg, topology.id);
  appHeap();
  // Loaded here, not at the top: the other commands never load React or Ink.
  const { runApp } = await import('../ui/run-app.js');
  // The recorder (and the scenario format it writes) only when recording.
  const recordStore = target && (await import('../ui/state/recorder.js')).recordStore;
  let recording: Recording | undefined;
  const record = target && recordStore && ((store: Store<AppState, Action>) => (recording = recordStore(store, target.name, seed)).store);
  const code = await runApp({ topology, env: target?.env ?? interactiveEnv(io), color: flags.color, ascii: flags.ascii, seed, ...(record ? { record } : {}) });
  if (target && !target.save(recording, io) && code === 0) return 1;
  return code;
};

/** Designs by number, id or file (relative to the working folder) for `:goto` and the home screen, and files written where the user is. */
export function interactiveEnv(io: Io): AppEnv {
  // A built-in opens at once, so keys typed right after its number act on it, not on the home screen.
  return {
    loadTopology: (name) => (builtinIdOf(name) === undefined ? loadTopology(name, io.cwd) : loadBuiltin(name)),
    designs: builtins,
    saveFile: fileSaver(io.cwd),
    builtinScenarios: builtinScenariosIn(io.cwd),
  };
}

/** The built-in scenarios, read (with the scenario parser, loaded then) the first time they are asked for. */
function builtinScenariosIn(cwd: string): () => Promise<readonly BuiltinScenario[]> {
  let read: Promise<readonly BuiltinScenario[]> | undefined;
  return () => (read ??= import('./load-scenario.js').then((m) => m.builtinScenarioReader(cwd)()));
}
