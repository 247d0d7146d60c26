import type { Topology } from '../../model/types.js';
import { createSim, settle, type SimInput, step } from '../../sim/index.js';
import type { Frame, Timeline } from './app-state.js';

/** The first frame of a design: the engine created and settled (health checks converged). */
export function startTimeline(topology: Topology, seed: number): Timeline {
  const settled = settle(createSim(topology, { seed }));
  return { frames: [{ input: null, sim: settled.state, events: settled.events, trace: null }], at: 0, hop: 0 };
}

/** The frame the user is looking at. */
export function currentFrame(timeline: Timeline): Frame {
  const frame = timeline.frames[timeline.at];
  if (!frame) throw new Error('timeline cursor out of range');
  return frame;
}

/** Hops of a frame's trace (0 without one). */
function hopCount(frame: Frame | undefined): number {
  return frame?.trace?.hops.length ?? 0;
}

/**
 * Applies an engine input at the current point: the frames after it are dropped (a new branch),
 * the new frame is appended and shown; a request starts at its first hop.
 */
export function applyInput(timeline: Timeline, input: SimInput): Timeline {
  const from = currentFrame(timeline);
  const result = step(from.sim, input);
  const frame: Frame = { input, sim: result.state, events: result.events, trace: result.trace ?? null };
  const frames = [...timeline.frames.slice(0, timeline.at + 1), frame];
  return { frames, at: frames.length - 1, hop: Math.min(1, hopCount(frame)) };
}

/**
 * One hop forward; at the end of a trace, forward into the next frame if the user had stepped
 * back (redo). Returns undefined when already at the newest point.
 */
export function stepForward(timeline: Timeline): Timeline | undefined {
  if (timeline.hop < hopCount(currentFrame(timeline))) return { ...timeline, hop: timeline.hop + 1 };
  const next = timeline.frames[timeline.at + 1];
  if (!next) return undefined;
  return { ...timeline, at: timeline.at + 1, hop: Math.min(1, hopCount(next)) };
}

/**
 * One hop back; before the first hop, back to the exact state before the request (or before
 * the failure, the advance...). Returns undefined at the very start.
 */
export function stepBack(timeline: Timeline): Timeline | undefined {
  if (timeline.hop > 1) return { ...timeline, hop: timeline.hop - 1 };
  if (timeline.at === 0) return undefined;
  const at = timeline.at - 1;
  return { ...timeline, at, hop: hopCount(timeline.frames[at]) };
}

/** The current trace from its first hop again, or undefined when no request is shown. */
export function replay(timeline: Timeline): Timeline | undefined {
  return hopCount(currentFrame(timeline)) > 0 ? { ...timeline, hop: 1 } : undefined;
}

/** Adds a frame made elsewhere (traffic mode) at the current point, dropping the frames after it. */
export function appendFrame(timeline: Timeline, frame: Frame): Timeline {
  const frames = [...timeline.frames.slice(0, timeline.at + 1), frame];
  return { frames, at: frames.length - 1, hop: 0 };
}
