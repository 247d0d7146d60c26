/**
 * `:export`: the design on screen written to a file as it stands (what is down, the request's
 * path so far), in one of the state export's formats. The writing is the environment's: a
 * session that may not write files (a classroom over SSH) has no `saveFile`, and the command
 * is refused with one line.
 */
import { stateFormats, type StateFormat, type StateSnapshot } from '../../export/state-export.js';
import { failureStates, type FailureState } from '../../model/failure-looks.js';
import { describeOutcome, failureStateOf, type Hop } from '../../sim/index.js';
import type { AppEnv } from '../app-context.js';
import type { Action } from '../state/actions.js';
import type { AppState, DesignState } from '../state/app-state.js';
import { liveSim } from '../state/live-sim.js';
import { selectableIds } from '../state/selection.js';
import { currentFrame } from '../state/timeline.js';
import { viewStateOf } from '../view/view-state.js';

/** Where the hops went, hop by hop: the first one's sender, then each one's receiver. */
const routeOf = (hops: readonly Hop[]) => (hops.length === 0 ? [] : [hops[0]?.from ?? '', ...hops.map((h) => h.to)]);

/** The moment on screen: the diagram's view (selection and tour focus left out: they are the presenter's). */
export function snapshotOf(design: DesignState): StateSnapshot {
  const { selected: _selected, focus: _focus, badges: _badges, ...view } = viewStateOf(design);
  const trace = design.traffic || design.folded ? null : currentFrame(design.timeline).trace;
  const done = trace !== null && design.timeline.hop >= trace.hops.length;
  const sim = liveSim(design);
  const ids = selectableIds(design.topology);
  const failures = Object.fromEntries(failureStates.map(([state]) => [state, ids.filter((id) => failureStateOf(sim, id) === state)])) as Record<FailureState, string[]>;
  return {
    topology: design.topology,
    view,
    failures,
    at: sim.now,
    request: trace ? { text: trace.request, outcome: done ? describeOutcome(trace.outcome) : null, route: routeOf(trace.hops.slice(0, design.timeline.hop)) } : null,
  };
}

const say = (text: string, level: 'info' | 'error' | 'warn'): Action => ({ type: 'message', message: { text, level } });

/**
 * Writes the export and resolves to the footer's message: the path written, or why not. Without
 * a file name the file is named after the design (`infra-tui-<id>.md`), numbered rather than
 * overwriting one already there.
 */
export async function exportState(state: AppState, format: StateFormat, file: string | null, env: AppEnv): Promise<Action> {
  if (!env.saveFile) return say('export is switched off in this session: it writes no files here', 'warn');
  if (!state.design) return say('open a design first: Enter, or a number 0-4', 'warn');
  const { extension, write } = stateFormats[format];
  try {
    const path = await env.saveFile(file ?? `infra-tui-${state.design.topology.id}.${extension}`, write(snapshotOf(state.design)), { replace: file !== null });
    return say(`${format} export written to ${path}`, 'info');
  } catch (error) {
    return say(`export not written: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}
