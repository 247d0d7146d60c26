/**
 * `:export`: the design on screen written to a file as it stands (what is down, the request's
 * path so far), in one of the state export's formats. The writing is the environment's: a
 * session that may not write files (a classroom over SSH) has no `saveFile`, and the command
 * is refused with one line.
 */
import { stateFormats, type StateFormat, type StateSnapshot } from '../../export/state-export.js';
import { describeOutcome } from '../../sim/index.js';
import type { AppEnv } from '../app-context.js';
import type { Action } from '../state/actions.js';
import type { AppState, DesignState } from '../state/app-state.js';
import { liveSim } from '../state/live-sim.js';
import { currentFrame } from '../state/timeline.js';
import { viewStateOf } from '../view/view-state.js';

/** The moment on screen: the diagram's view (selection and tour focus left out: they are the presenter's). */
export function snapshotOf(design: DesignState): StateSnapshot {
  const { selected: _selected, focus: _focus, badges: _badges, ...view } = viewStateOf(design);
  const trace = design.traffic || design.folded ? null : currentFrame(design.timeline).trace;
  const done = trace !== null && design.timeline.hop >= trace.hops.length;
  return {
    topology: design.topology,
    view,
    at: liveSim(design).now,
    request: trace ? { text: trace.request, outcome: done ? describeOutcome(trace.outcome) : null } : null,
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
