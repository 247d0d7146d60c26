import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../../source/model/load-builtins.js';
import { createSim, settle } from '../../../source/sim/engine.js';
import { continueSimulation, finishSimulation, runSimulation, simulationProgress, simulationWork, startSimulation, type SimulationOptions } from '../../../source/sim/traffic/run-simulation.js';
import { parseScheduledAction } from '../../../source/grammar/scheduled-action.js';
import { namesOf } from '../../../source/grammar/names.js';
import { runSession, type SessionInput, type TrafficSession } from '../../../source/sim/traffic/session.js';
import { SLICE_WORK } from '../../../source/sim/traffic/timings.js';
import { tickTraffic } from '../../../source/sim/traffic/traffic.js';
import { DEFAULT_MIX } from '../../../source/sim/traffic/timings.js';

const distributed = loadBuiltin('1');
const at = (spec: string) => parseScheduledAction(spec, namesOf(distributed));
const options: SimulationOptions = { qps: 300, durationMs: 20_500, mix: DEFAULT_MIX, actions: [at('3s fail nginx-1'), at('7.25s deploy'), at('12s heal all')], seed: 3 };

describe('simulate in slices', () => {
  it('gives the summary of one go whatever the slices, and never touches the run it continues', () => {
    const whole = runSimulation(distributed, options);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6_000 }), { minLength: 1, maxLength: 8 }), (slices) => {
        let run = startSimulation(distributed, options);
        let progress = simulationProgress(run);
        for (let i = 0; !run.done; i++) {
          const before = { now: run.ts.sim.now, seconds: run.timeline.sent.length };
          const next = continueSimulation(run, slices[i % slices.length] ?? 1);
          expect({ now: run.ts.sim.now, seconds: run.timeline.sent.length }).toEqual(before);
          expect(simulationProgress(next)).toBeGreaterThan(progress);
          progress = simulationProgress(next);
          run = next;
        }
        expect(progress).toBe(1);
        expect(finishSimulation(run)).toEqual(whole);
      }),
      { numRuns: 12, seed: 5 },
    );
  });

  it('counts its work as ticks × (components + a fixed cost per tick), growing with time and size, not load', () => {
    const small = simulationWork(loadBuiltin('0'), { durationMs: 60_000 });
    expect(simulationWork(loadBuiltin('0'), { durationMs: 120_000 })).toBe(2 * small);
    expect(simulationWork(loadBuiltin('4'), { durationMs: 60_000 })).toBeGreaterThan(small);
    expect(simulationWork(loadBuiltin('0'), { durationMs: 60_000, tickMs: 1000 })).toBe(small / 10);
  });
});

describe('a long advance under traffic', () => {
  const from = settle(createSim(loadBuiltin('4'))).state;
  const start = (): TrafficSession => {
    const s = runSession(null, from, { type: 'run', to: 'on' }).session;
    if (!s) throw new Error('traffic is off');
    return s;
  };
  const apply = (s: TrafficSession, input: SessionInput) => runSession(s, from, input);

  it('runs in slices of bounded work, ticks wait meanwhile, and ends where one go would', () => {
    const started = start();
    const asked = apply(started, { type: 'engine', input: { type: 'advance', ms: 200_000 } });
    expect(asked.notes).toEqual([{ type: 'working', doneMs: 0, totalMs: 200_000 }]);
    let s = asked.session as TrafficSession;
    expect(s.state).toBe(started.state);
    expect(apply(s, { type: 'tick', ms: 80 }).session).toBe(s);
    const slices: number[] = [];
    while (s.catchUp) {
      const before = s.state.sim.now;
      const step = apply(s, { type: 'work' });
      s = step.session as TrafficSession;
      const ms = s.state.sim.now - before;
      slices.push(ms);
      expect((ms / s.state.options.tickMs) * loadBuiltin('4').components.length).toBeLessThanOrEqual(SLICE_WORK);
      if (s.catchUp) expect(step.notes[0]).toMatchObject({ type: 'working', totalMs: 200_000 });
      else expect(step.notes).toEqual([{ type: 'worked', totalMs: 200_000 }]);
    }
    expect(slices.length).toBeGreaterThan(3);
    expect(s.state).toEqual(tickTraffic(started.state, 200_000).state);
  });

  it('a short advance still runs at once', () => {
    const step = apply(start(), { type: 'engine', input: { type: 'advance', ms: 5_000 } });
    expect(step.notes).toEqual([{ type: 'applied', input: { type: 'advance', ms: 5_000 } }]);
    expect(step.session?.catchUp).toBeNull();
  });

  it('cancelled, it stays where it got to and the clock runs on from there', () => {
    let s = apply(start(), { type: 'engine', input: { type: 'advance', ms: 3_200_000 } }).session as TrafficSession;
    s = apply(apply(s, { type: 'work' }).session as TrafficSession, { type: 'work' }).session as TrafficSession;
    const reached = s.state.sim.now;
    const cancelled = apply(s, { type: 'cancel-work' });
    expect(cancelled.notes).toEqual([{ type: 'work-cancelled', doneMs: reached - from.now, totalMs: 3_200_000 }]);
    const after = cancelled.session as TrafficSession;
    expect(after.catchUp).toBeNull();
    expect((apply(after, { type: 'tick', ms: 80 }).session as TrafficSession).state.sim.now).toBe(reached + 80);
  });
});
