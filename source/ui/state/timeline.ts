import type { Topology } from '../../model/types.js';
import { createSim, settle, type SimInput, type SimState, step } from '../../sim/index.js';
import type { Entry, Frame, Timeline } from './app-state.js';

/**
 * One entry in this many keeps its state: stepping back replays at most this many − 1 inputs,
 * and a long history holds a few states rather than one per input.
 */
export const SNAPSHOT_EVERY = 8;

/** The first frame of a design: the engine created and settled (health checks converged). */
export function startTimeline(topology: Topology, seed: number): Timeline {
  const settled = settle(createSim(topology, { seed }));
  const current: Frame = { input: null, sim: settled.state, events: settled.events, trace: null };
  return { entries: [{ input: null, events: settled.events, trace: null, sim: settled.state }], at: 0, hop: 0, current };
}

/** The frame the user is looking at. */
export function currentFrame(timeline: Timeline): Frame {
  return timeline.current;
}

/** How many inputs the history holds (the settled start not counted). */
export function historySteps(timeline: Timeline): number {
  return timeline.entries.length - 1;
}

/**
 * The frame at `index` of the history: its kept state, or the nearest kept one before it with
 * the inputs after it applied again. The engine is deterministic, so this is the state the
 * input first produced, trace and events included.
 */
export function frameAt(timeline: Timeline, index: number): Frame {
  if (index === timeline.at) return timeline.current;
  const entry = timeline.entries[index];
  if (!entry) throw new Error('timeline cursor out of range');
  let from = index;
  while (timeline.entries[from]?.sim === undefined) from--;
  let sim = timeline.entries[from]?.sim as SimState;
  let frame: Frame = { input: entry.input, sim, events: entry.events, trace: entry.trace };
  for (let i = from + 1; i <= index; i++) {
    const input = timeline.entries[i]?.input as SimInput;
    const result = step(sim, input);
    sim = result.state;
    frame = { input, sim, events: result.events, trace: result.trace ?? null };
  }
  return frame;
}

/** Hops of a frame's trace (0 without one). */
function hopCount(frame: Frame | undefined): number {
  return frame?.trace?.hops.length ?? 0;
}

/** The timeline with `frame` appended after `at` (dropping what followed: a branch) and shown. */
function append(timeline: Timeline, frame: Frame, keep: boolean, hop: number): Timeline {
  const index = timeline.at + 1;
  const entry: Entry = { input: frame.input, events: frame.events, trace: frame.trace, ...(keep || index % SNAPSHOT_EVERY === 0 ? { sim: frame.sim } : {}) };
  return { entries: [...timeline.entries.slice(0, index), entry], at: index, hop, current: frame };
}

/**
 * Applies an engine input at the current point: the entries after it are dropped (a new branch),
 * the new one is appended and shown; a request starts at its first hop.
 */
export function applyInput(timeline: Timeline, input: SimInput): Timeline {
  const result = step(timeline.current.sim, input);
  const frame: Frame = { input, sim: result.state, events: result.events, trace: result.trace ?? null };
  return append(timeline, frame, false, Math.min(1, hopCount(frame)));
}

/** The timeline showing entry `at` (at its first hop, or `last` hop). */
function moveTo(timeline: Timeline, at: number, last: boolean): Timeline {
  const current = at === timeline.at + 1 && timeline.entries[at]?.sim === undefined ? redo(timeline) : frameAt(timeline, at);
  const hops = hopCount(current);
  return { ...timeline, at, hop: last ? hops : Math.min(1, hops), current };
}

/** The next entry's frame, from the one shown (one input applied again). */
function redo(timeline: Timeline): Frame {
  const input = timeline.entries[timeline.at + 1]?.input as SimInput;
  const result = step(timeline.current.sim, input);
  return { input, sim: result.state, events: result.events, trace: result.trace ?? null };
}

/**
 * One hop forward; at the end of a trace, forward into the next frame if the user had stepped
 * back (redo). Returns undefined when already at the newest point.
 */
export function stepForward(timeline: Timeline): Timeline | undefined {
  if (timeline.hop < hopCount(timeline.current)) return { ...timeline, hop: timeline.hop + 1 };
  if (timeline.at + 1 >= timeline.entries.length) return undefined;
  return moveTo(timeline, timeline.at + 1, false);
}

/**
 * One hop back; before the first hop, back to the exact state before the request (or before
 * the failure, the advance...). Returns undefined at the very start.
 */
export function stepBack(timeline: Timeline): Timeline | undefined {
  if (timeline.hop > 1) return { ...timeline, hop: timeline.hop - 1 };
  if (timeline.at === 0) return undefined;
  return moveTo(timeline, timeline.at - 1, true);
}

/** The current trace from its first hop again, or undefined when no request is shown. */
export function replay(timeline: Timeline): Timeline | undefined {
  return hopCount(timeline.current) > 0 ? { ...timeline, hop: 1 } : undefined;
}

/** Adds a frame made elsewhere (traffic mode) at the current point, dropping the entries after it; its state is kept. */
export function appendFrame(timeline: Timeline, frame: Frame): Timeline {
  return append(timeline, frame, true, 0);
}
