import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { SimInput } from '../../source/sim/index.js';
import type { Timeline } from '../../source/ui/state/app-state.js';
import { applyInput, appendFrame, frameAt, historySteps, SNAPSHOT_EVERY, startTimeline, stepBack, stepForward } from '../../source/ui/state/timeline.js';

const send: SimInput = { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } };
/** A history mixing failures, time and requests, long enough to span several snapshots. */
const inputs: SimInput[] = Array.from({ length: 3 * SNAPSHOT_EVERY + 3 }, (_, i): SimInput => {
  if (i % 5 === 1) return { type: 'fail', id: 'nginx-1' };
  if (i % 5 === 3) return { type: 'heal', id: 'nginx-1' };
  if (i % 5 === 4) return { type: 'advance', ms: 2500 };
  return send;
});

function built(): { timeline: Timeline; shown: Timeline['current'][] } {
  let timeline = startTimeline(loadBuiltin('1'), 7);
  const shown = [timeline.current];
  for (const input of inputs) {
    timeline = applyInput(timeline, input);
    shown.push(timeline.current);
  }
  return { timeline, shown };
}

/** Steps back until the start, collecting the frame shown at each entry. */
function walkBack(timeline: Timeline): Map<number, Timeline['current']> {
  const seen = new Map<number, Timeline['current']>();
  for (let t: Timeline | undefined = timeline; t; t = stepBack(t)) seen.set(t.at, t.current);
  return seen;
}

describe('the history: an action log with periodic snapshots', () => {
  it('keeps the state of only one entry in SNAPSHOT_EVERY', () => {
    const { timeline } = built();
    const kept = timeline.entries.filter((e) => e.sim !== undefined).length;
    expect(historySteps(timeline)).toBe(inputs.length);
    expect(kept).toBe(Math.floor(inputs.length / SNAPSHOT_EVERY) + 1);
  });

  it('gives back, stepping back and forward, exactly the frames first shown (state, events, trace)', () => {
    const { timeline, shown } = built();
    const back = walkBack(timeline);
    shown.forEach((frame, i) => {
      expect(back.get(i)).toEqual(frame);
      expect(frameAt(timeline, i)).toEqual(frame);
    });
    let start: Timeline | undefined = timeline;
    while (start && start.at > 0) start = stepBack(start);
    for (let t: Timeline | undefined = start; t; t = stepForward(t)) if (t.hop <= 1) expect(t.current).toEqual(shown[t.at]);
  });

  it('branches from the past: the entries after it go, and a frame made elsewhere keeps its state', () => {
    const { timeline } = built();
    let past: Timeline = timeline;
    for (let i = 0; i < 2 * SNAPSHOT_EVERY + 4; i++) past = stepBack(past) ?? past;
    const branched = appendFrame(past, { ...past.current, input: null, events: [], trace: null });
    expect(historySteps(branched)).toBe(past.at + 1);
    expect(branched.entries.at(-1)?.sim).toBe(past.current.sim);
    expect(stepForward(branched)).toBeUndefined();
  });
});
