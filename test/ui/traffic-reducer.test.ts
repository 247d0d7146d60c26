import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { QPS_LADDER } from '../../source/sim/index.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState, type DesignState, type TrafficMode } from '../../source/ui/state/app-state.js';
import { liveSim } from '../../source/ui/state/live-sim.js';
import { currentFrame } from '../../source/ui/state/timeline.js';

function opened(design: string, ...actions: readonly Action[]): AppState {
  return [{ type: 'open-design', topology: loadBuiltin(design) } as Action, ...actions].reduce(appReducer, initialAppState(1));
}
const d = (state: AppState): DesignState => {
  if (!state.design) throw new Error('no design open');
  return state.design;
};
const mode = (state: AppState): TrafficMode => {
  const t = d(state).traffic;
  if (!t) throw new Error('no traffic');
  return t;
};
const on: Action = { type: 'traffic', to: 'toggle' };
const advance = (ms: number): Action => ({ type: 'engine', input: { type: 'advance', ms } });

describe('starting and pausing traffic', () => {
  it('starts at 1×, pauses, resumes, and says so', () => {
    const started = opened('1', on);
    expect(mode(started)).toMatchObject({ speed: 1, since: liveSim(d(opened('1'))).now });
    expect(started.message?.text).toContain('traffic mode on, 100 QPS');
    const paused = appReducer(started, on);
    expect(mode(paused).speed).toBe(0);
    expect(mode(appReducer(paused, { type: 'traffic', to: 'on' })).speed).toBe(1);
  });

  it('answers traffic off without traffic, and on while running, with a message only', () => {
    const off = opened('1', { type: 'traffic', to: 'off' });
    expect(d(off).traffic).toBeNull();
    expect(off.message?.text).toContain('T enters it');
    const twice = opened('1', on, { type: 'traffic', to: 'on' });
    expect(twice.message?.text).toContain('already running');
  });
});

describe('ticks', () => {
  it('move the virtual clock by the ms they carry, and count requests', () => {
    const ticked = opened('1', on, { type: 'tick', ms: 1000 }, { type: 'tick', ms: 1000 });
    expect(liveSim(d(ticked)).now - mode(ticked).since).toBe(2000);
    expect(mode(ticked).state.totals.sent).toBeCloseTo(200, 0);
  });

  it('do nothing while paused, and never close the command line or clear the footer', () => {
    const paused = opened('1', on, on);
    expect(appReducer(paused, { type: 'tick', ms: 1000 })).toBe(paused);
    const typing = opened('1', on, { type: 'overlay', overlay: 'command', draft: 'fail ' }, { type: 'message', message: { text: 'hello', level: 'info' } });
    const after = appReducer(typing, { type: 'tick', ms: 500 });
    expect([after.overlay, after.line.text, after.message?.text]).toEqual(['command', 'fail ', 'hello']);
  });

  it('replay: the same actions give the same state', () => {
    const actions: Action[] = [on, { type: 'qps', qps: 300 }, { type: 'tick', ms: 1000 }, { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, { type: 'tick', ms: 3000 }];
    const first = opened('1', ...actions);
    expect(first).toEqual(opened('1', ...actions));
    // 4 s at 300 QPS: the replayed state is the run's, not an empty one.
    expect(mode(first).state.totals.sent).toBeCloseTo(1200, 0);
  });
});

describe('rate, mix and speed', () => {
  it('sets the QPS and steps it along the 1-2-5 ladder, clamped at its ends', () => {
    expect(mode(opened('1', { type: 'qps', qps: 750 })).state.options.qps).toBe(750);
    expect(mode(opened('1', on, { type: 'qps-step', delta: 1 })).state.options.qps).toBe(200);
    expect(mode(opened('1', on, { type: 'qps-step', delta: -1 })).state.options.qps).toBe(50);
    expect(mode(opened('1', { type: 'qps', qps: 1 }, { type: 'qps-step', delta: -1 })).state.options.qps).toBe(1);
    expect(mode(opened('1', { type: 'qps', qps: 99_999 }, { type: 'qps-step', delta: 1 })).state.options.qps).toBe(QPS_LADDER.at(-1));
  });

  it('sets the mix', () => {
    expect(mode(opened('1', { type: 'mix', mix: { static: 0, read: 0, write: 1 } })).state.options.mix).toEqual({ static: 0, read: 0, write: 1 });
  });

  it('sets the speed with coarser ticks when faster, and steps it down to a pause', () => {
    const fast = opened('1', { type: 'speed', speed: 100 });
    expect([mode(fast).speed, mode(fast).state.options.tickMs]).toEqual([100, 1000]);
    expect(appReducer(fast, { type: 'speed-step', delta: 1 }).message?.text).toContain('fastest');
    const slower = opened('1', on, { type: 'speed-step', delta: 1 }, { type: 'speed-step', delta: -1 }, { type: 'speed-step', delta: -1 });
    expect(mode(slower).speed).toBe(0);
    expect(mode(appReducer(slower, on)).speed).toBe(1);
  });
});

describe('failures and deploys under traffic', () => {
  it('fails live: errors until haproxy notices, no frame added to the history', () => {
    const failed = opened('1', on, { type: 'tick', ms: 1000 }, { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, advance(10_000));
    expect(d(failed).timeline.entries).toHaveLength(1);
    expect(liveSim(d(failed)).failed).toEqual(['nginx-1']);
    expect(mode(failed).state.totals.byOutcome['503']).toBeGreaterThan(0);
    expect(mode(failed).state.detections.map((x) => x.text).join()).toContain('marked nginx-1 DOWN');
    expect(opened('1', on, { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }).message?.text).toContain('watch the errors');
  });

  it('steps one second with Space, paused; refuses history moves with a message', () => {
    const state = opened('1', on);
    const stepped = appReducer(state, { type: 'step' });
    expect([mode(stepped).speed, liveSim(d(stepped)).now - liveSim(d(state)).now]).toEqual([0, 1000]);
    expect(stepped.message?.text).toContain('1 s later');
    for (const type of ['back', 'replay'] as const) {
      const after = appReducer(state, { type });
      expect(after.design).toBe(state.design);
      expect(after.message?.text).toContain('no step history');
    }
  });

  it('deploys without errors behind a load balancer, with downtime without one, and keeps the counts', () => {
    const rolling = opened('1', { type: 'deploy' }, advance(40_000));
    expect(mode(rolling).state.deploys).toMatchObject([{ strategy: 'rolling', failed: 0 }]);
    const single = opened('0', { type: 'qps', qps: 50 }, { type: 'deploy' }, advance(20_000));
    expect(mode(single).state.deploys[0]?.failed).toBeGreaterThan(0);
    expect(appReducer(opened('0', { type: 'deploy' }), { type: 'deploy' }).message?.text).toContain('already running');
  });

  it('sends a request through the live state and keeps it for the wire view', () => {
    const sent = opened('1', on, { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'POST', path: '/signup' } } });
    expect(mode(sent).sent?.trace.outcome.status).toBe(200);
  });
});

describe('views and leaving', () => {
  it('toggles monitoring and the log, starting traffic for them', () => {
    const monitor = opened('0', { type: 'view', view: 'monitor' });
    expect([d(monitor).view, mode(monitor).speed]).toEqual(['monitor', 1]);
    expect(d(appReducer(monitor, { type: 'view', view: 'monitor' })).view).toBe('main');
    const filtered = opened('1', { type: 'log-filter', filter: ' nginx-1 ' });
    expect([d(filtered).view, d(filtered).logFilter]).toEqual(['log', 'nginx-1']);
  });

  it('opens the wire view on a link without starting traffic', () => {
    const state = opened('1', { type: 'wire', from: 'browser', to: 'haproxy-1' });
    expect([d(state).view, d(state).wire, d(state).traffic]).toEqual(['wire', { from: 'browser', to: 'haproxy-1' }, null]);
  });

  it('T leaves traffic mode like Esc, and says so', () => {
    const left = opened('1', on, { type: 'tick', ms: 2000 }, { type: 'traffic', to: 'leave' });
    expect(d(left).traffic).toBeNull();
    expect(left.message?.text).toContain('traffic mode left');
  });

  it('Esc closes the view, then leaves traffic: one frame with a summary, and b goes back before it', () => {
    const running = opened('1', on, { type: 'view', view: 'log' }, { type: 'tick', ms: 2000 });
    const closed = appReducer(running, { type: 'escape' });
    expect([d(closed).view, d(closed).traffic !== null]).toEqual(['main', true]);
    const left = appReducer(closed, { type: 'escape' });
    expect(d(left).traffic).toBeNull();
    const frame = currentFrame(d(left).timeline);
    expect(frame.input).toEqual({ type: 'advance', ms: 2000 });
    expect(frame.sim).toBe(liveSim(d(closed)));
    expect(frame.events[0]?.text).toMatch(/^200 requests at 100 QPS/);
    expect(currentFrame(d(appReducer(left, { type: 'back' })).timeline).input).toBeNull();
    expect(appReducer(left, { type: 'escape' }).screen).toBe('home');
  });
});
