import { builtinIdOf } from '../../model/builtin-ids.js';
import { loadBuiltin } from '../../model/load-builtins.js';
import type { Topology } from '../../model/types.js';
import type { StepCheck } from '../../scenario/index.js';
import { parseCommandLine } from '../commands/parse-command-line.js';
import { commandContext } from '../commands/run-command.js';
import { appReducer } from './app-reducer.js';
import { initialAppState, type AppState } from './app-state.js';
import { checkRecordedAction } from './recorded-actions.js';
import { refusedInScenario } from './scenario-play.js';

/** The checker of a scenario's steps, and the designs its `goto` steps name (to be read before it plays). */
export interface ScenarioChecker {
  readonly check: StepCheck;
  readonly gotos: readonly string[];
}

const ids = (state: AppState | undefined) => (state?.design ? [...state.design.topology.components.map((c) => c.id), ...state.design.topology.hosts.map((h) => h.id)] : undefined);

/**
 * Checks `do` and `act` steps in file order as the app would take them: a `do` line with the
 * `:` line's own parser, against the names of the design open at that point (a `goto` to a
 * built-in moves to it; after a `goto` to a file, names are checked when it plays), an `act`
 * against the actions a scenario may hold. Refusals that depend on the moment (`qps` outside
 * traffic mode) are not mistakes in the file: they show in the footer when played.
 */
export function scenarioChecker(topology: Topology, seed: number): ScenarioChecker {
  const gotos: string[] = [];
  let state: AppState | undefined = appReducer(initialAppState(seed), { type: 'open-design', topology });
  const check: StepCheck = (body) => {
    if (body.kind === 'act') return checkRecordedAction(body.action, ids(state));
    if (!state) return undefined;
    const parsed = parseCommandLine(body.line, commandContext(state, { boxes: [], scroll: undefined }));
    if (!parsed.ok) return parsed.message;
    const refused = refusedInScenario(parsed.intent);
    if (refused) return refused;
    if (parsed.intent.type === 'load') {
      const arg = parsed.intent.topology;
      gotos.push(arg);
      state = builtinIdOf(arg) === undefined ? undefined : appReducer(state, { type: 'open-design', topology: loadBuiltin(arg) });
    }
    return undefined;
  };
  return { check, gotos };
}
