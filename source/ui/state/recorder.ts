import { scenarioText, type ScenarioStep } from '../../scenario/index.js';
import type { Size } from '../hooks/use-terminal-size.js';
import type { Action } from './actions.js';
import type { AppState } from './app-state.js';
import { clockMoved } from './live-sim.js';
import { actionStep } from './recorded-actions.js';
import type { Store } from './store.js';

/** How a design is named in a recording: its built-in id, or the file it was read from. */
export type NameDesign = (id: string) => string;

export interface Recording {
  /** The store to hand the app: the same store, every action it applies also written down. */
  readonly store: Store<AppState, Action>;
  /**
   * The scenario file's text of everything done so far (undefined while no design was opened);
   * `fallback` is its size when the app never said the terminal's.
   */
  readonly text: (fallback: Size) => string | undefined;
}

/** Whether two sizes are the same. */
const sameSize = (a: Size | undefined, b: Size) => a !== undefined && a.columns === b.columns && a.rows === b.rows;

/**
 * Records what a person does in the app as a scenario. The recording starts at the first design
 * opened (the scenario's `topology`); each action after is a step at the virtual time it was
 * applied, counting only the time the clock moved forward (so stepping back in history or
 * switching designs does not rewind it). Ticks are not steps: played again, the scenario fills
 * the time between steps with the same ticks. The terminal's size when the recording starts is
 * the scenario's `size`; each change after it is a `resize` step, so a replay knows the size
 * every step was seen at.
 */
export function recordStore(store: Store<AppState, Action>, name: NameDesign, seed: number): Recording {
  let topology: string | undefined;
  let clock = 0;
  /** The size the recording started at, and the last one seen. */
  let startSize: Size | undefined;
  let size: Size | undefined;
  const steps: ScenarioStep[] = [];
  const resized = (action: Action & { type: 'resize' }) => {
    const seen = { columns: action.columns, rows: action.rows };
    if (topology === undefined) startSize = seen;
    else if (!sameSize(size, seen)) steps.push({ at: clock, body: { kind: 'act', action } });
    size = seen;
  };
  const dispatch = (action: Action) => {
    const before = store.getState();
    store.dispatch(action);
    const after = store.getState();
    if (action.type === 'resize') resized(action);
    if (topology === undefined) {
      if (after.design) topology = name(after.design.topology.id);
      return;
    }
    if (action.type === 'resize') return;
    const body = actionStep(action, after, name);
    if (body) steps.push({ at: clock, body });
    clock += clockMoved(before, after);
  };
  const text = (fallback: Size) =>
    topology === undefined
      ? undefined
      : scenarioText({
          title: `Recorded on ${topology}`,
          summary: '',
          topology,
          seed,
          size: startSize ?? fallback,
          steps: steps.length > 0 ? steps : [{ at: clock, body: { kind: 'note', text: 'nothing was done' } }],
        });
  return { store: { ...store, dispatch }, text };
}
