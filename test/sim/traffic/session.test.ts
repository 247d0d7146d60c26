import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../../source/model/load-builtins.js';
import { createSim, settle } from '../../../source/sim/engine.js';
import { QPS_LADDER, runSession, type SessionInput, type TrafficSession } from '../../../source/sim/traffic/session.js';
import type { SimState } from '../../../source/sim/types.js';

const sim = (design: string): SimState => settle(createSim(loadBuiltin(design))).state;
const one = sim('1');

/** The session after `inputs`, from design 1 with nothing on, and every note on the way. */
function after(...inputs: SessionInput[]): { session: TrafficSession | null; notes: string[] } {
  let session: TrafficSession | null = null;
  const notes: string[] = [];
  for (const input of inputs) {
    const step = runSession(session, one, input);
    session = step.session;
    notes.push(...step.notes.map((n) => n.type));
  }
  return { session, notes };
}
const running = (...inputs: SessionInput[]): TrafficSession => {
  const { session } = after(...inputs);
  if (!session) throw new Error('traffic is off');
  return session;
};

describe('a traffic session, one pure call per input', () => {
  it('starts at 1× from the given state, pauses and resumes, and says what it did', () => {
    const { session, notes } = after({ type: 'run', to: 'toggle' });
    expect(session).toMatchObject({ speed: 1, resume: 1, since: one.now, sent: null });
    expect(session?.state.options.qps).toBe(100);
    expect(notes).toEqual(['started']);
    expect(after({ type: 'run', to: 'toggle' }, { type: 'run', to: 'toggle' })).toMatchObject({ session: { speed: 0 }, notes: ['started', 'paused'] });
    expect(after({ type: 'run', to: 'toggle' }, { type: 'run', to: 'off' }, { type: 'run', to: 'on' }).notes).toEqual(['started', 'paused', 'resumed']);
    expect(after({ type: 'run', to: 'off' })).toEqual({ session: null, notes: ['not-running'] });
    expect(after({ type: 'run', to: 'on' }, { type: 'run', to: 'on' }).notes).toEqual(['started', 'already']);
  });

  it('starts traffic for an input that needs it, at the speed asked for', () => {
    expect(after({ type: 'qps', qps: 300 })).toMatchObject({ session: { speed: 1, state: { options: { qps: 300 } } }, notes: ['started', 'qps'] });
    const fast = running({ type: 'speed', speed: 100 });
    expect([fast.speed, fast.state.options.tickMs]).toEqual([100, 1000]);
    expect(after({ type: 'start' }, { type: 'start' }).notes).toEqual(['started']);
  });

  it('moves the clock only while running, and leaves a paused session as it is', () => {
    const ticked = running({ type: 'run', to: 'on' }, { type: 'tick', ms: 1000 }, { type: 'tick', ms: 1000 });
    expect(ticked.state.sim.now - ticked.since).toBe(2000);
    expect(ticked.state.totals.sent).toBeCloseTo(200, 0);
    const paused = running({ type: 'run', to: 'on' }, { type: 'run', to: 'off' });
    expect(runSession(paused, one, { type: 'tick', ms: 1000 }).session).toBe(paused);
    expect(runSession(null, one, { type: 'tick', ms: 1000 })).toEqual({ session: null, notes: [] });
  });

  it('walks the QPS ladder and the speeds, clamped at their ends', () => {
    expect(running({ type: 'run', to: 'on' }, { type: 'qps-step', delta: 1 }).state.options.qps).toBe(200);
    expect(running({ type: 'qps', qps: 1 }, { type: 'qps-step', delta: -1 }).state.options.qps).toBe(1);
    expect(running({ type: 'qps', qps: 99_999 }, { type: 'qps-step', delta: 1 }).state.options.qps).toBe(QPS_LADDER.at(-1));
    expect(after({ type: 'speed', speed: 100 }, { type: 'speed-step', delta: 1 }).notes).toEqual(['started', 'speed', 'speed-limit']);
    expect(running({ type: 'run', to: 'on' }, { type: 'speed-step', delta: -1 }).speed).toBe(0);
  });

  it('applies engine inputs live, refuses what the engine refuses, and keeps a request sent by hand', () => {
    const failed = running({ type: 'run', to: 'on' }, { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, { type: 'engine', input: { type: 'advance', ms: 10_000 } });
    expect(failed.state.sim.failed).toEqual(['nginx-1']);
    expect(failed.state.totals.byOutcome['503']).toBeGreaterThan(0);
    const on = running({ type: 'run', to: 'on' });
    const refused = runSession(on, one, { type: 'engine', input: { type: 'fail', id: 'nope' } });
    expect(refused.session).toBe(on);
    expect(refused.notes).toMatchObject([{ type: 'refused' }]);
    const sent = running({ type: 'run', to: 'on' }, { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } });
    expect(sent.sent?.trace.outcome.status).toBe(200);
  });

  it('says how a deploy goes, and that a second one waits', () => {
    expect(runSession(null, one, { type: 'deploy' }).notes).toMatchObject([{ type: 'started' }, { type: 'deploy', strategy: 'rolling' }]);
    expect(runSession(null, sim('0'), { type: 'deploy' }).notes).toMatchObject([{ type: 'started' }, { type: 'deploy', strategy: 'all-at-once' }]);
    expect(after({ type: 'deploy' }, { type: 'deploy' }).notes).toEqual(['started', 'deploy', 'deploy-busy']);
  });

  it('stops into one frame: the time it ran as an advance, the state it left and a summary', () => {
    const ran = running({ type: 'qps', qps: 50 }, { type: 'tick', ms: 2000 });
    const stopped = runSession(ran, one, { type: 'stop' });
    expect(stopped.session).toBeNull();
    expect(stopped.notes).toMatchObject([{ type: 'stopped', frame: { input: { type: 'advance', ms: 2000 }, sim: ran.state.sim } }]);
    const note = stopped.notes[0];
    expect(note?.type === 'stopped' && note.frame.events.at(-1)?.text).toBe('100 requests at 50 QPS (30:50:20): 100 ok, 0 failed');
    expect(runSession(null, one, { type: 'stop' })).toEqual({ session: null, notes: [] });
  });

  it('keeps what the engine said under traffic in the frame it stops into, so step mode still tells how a failure was noticed', () => {
    const failed = running({ type: 'run', to: 'on' }, { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, { type: 'tick', ms: 10_000 });
    const note = runSession(failed, one, { type: 'stop' }).notes[0];
    const texts = note?.type === 'stopped' ? note.frame.events.map((e) => e.text) : [];
    expect(texts.some((t) => /nginx-1/.test(t) && /DOWN/.test(t)), texts.join('\n')).toBe(true);
    expect(texts.at(-1)).toMatch(/^\d+ requests at 100 QPS/);
  });
});
