/**
 * The SPOF overlay's analysis, done a slice of failures at a time so a big design never freezes
 * the app: each slice is a `work` action (use-background-work.ts), so a recorded list of actions
 * replays the same states. Esc or x stops it where it is; x again goes on from there.
 */
import { spofCaseCount, spofRowsFrom, spofSliceRows, type SpofRow } from '../../sim/index.js';
import type { DesignState, Message } from './app-state.js';
import { workSpinner } from './traffic-reducer.js';

/** An analysis under way: the rows so far, out of `total`. */
export interface SpofWork {
  readonly rows: readonly SpofRow[];
  readonly total: number;
}

/** The seed of the overlay's analysis (the CLI's default too). */
const SEED = 1;

const info = (text: string): Message => ({ text, level: 'info' });

/** Whether the overlay's analysis is running now (shown and not finished). */
export function spofRunning(design: DesignState | null | undefined): boolean {
  return design?.mode === 'spof' && design.spof === null && design.spofWork !== undefined;
}

/** The rows the overlay shows: the finished analysis, or the rows so far. */
export function spofShown(design: DesignState): readonly SpofRow[] | null {
  return design.spof ?? design.spofWork?.rows ?? null;
}

function progress(work: SpofWork): Message {
  const percent = Math.floor((work.rows.length / work.total) * 100);
  return info(`${workSpinner(percent)} analysing ${work.total} single failures: ${percent} % (Esc stops)`);
}

/** One slice more of the analysis; once all rows are in, they become the design's `spof`. */
function advance(design: DesignState, work: SpofWork): { design: DesignState; message: Message } {
  const rows = [...work.rows, ...spofRowsFrom(design.topology, SEED, work.rows.length, spofSliceRows(design.topology))];
  if (rows.length < work.total) {
    const next = { rows, total: work.total };
    return { design: { ...design, spofWork: next }, message: progress(next) };
  }
  const { spofWork: _, ...rest } = design;
  return { design: { ...rest, spof: rows }, message: info(`single points of failure: ${rows.length} failures analysed`) };
}

/** Shows the overlay: the analysis at once when it fits in one slice, else it starts (or goes on). */
export function openSpof(design: DesignState): { design: DesignState; message?: Message } {
  const shown: DesignState = { ...design, mode: 'spof' };
  if (design.spof) return { design: shown };
  const work = design.spofWork ?? { rows: [], total: spofCaseCount(design.topology) };
  if (work.total - work.rows.length <= spofSliceRows(design.topology)) return advance(shown, work);
  return { design: { ...shown, spofWork: work }, message: progress(work) };
}

/** A `work` slice for the analysis, or undefined when it is not running. */
export function spofSlice(design: DesignState): { design: DesignState; message: Message } | undefined {
  return spofRunning(design) && design.spofWork ? advance(design, design.spofWork) : undefined;
}

/** Leaves the overlay; a running analysis stops where it is, and the footer says how far it got. */
export function closeSpof(design: DesignState): { design: DesignState; message?: Message } {
  const closed: DesignState = { ...design, mode: 'explore' };
  const work = design.spofWork;
  if (!spofRunning(design) || !work) return { design: closed };
  return { design: closed, message: info(`SPOF analysis stopped after ${work.rows.length} of ${work.total} failures: x goes on from there`) };
}
