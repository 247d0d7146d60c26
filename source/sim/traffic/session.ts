/**
 * A traffic session: live traffic on a design as the app runs it, with a clock that can be
 * paused or sped up, an offered load on a ladder, deploys and failures applied live. One pure
 * call, `runSession`, takes the session (null while traffic is off), the system state traffic
 * would start from, and one input; it returns the new session and what happened, as notes for
 * the caller to word. Guaranteed: the inputs are never mutated, and a refused engine input
 * leaves the session as it was and says why.
 */
import type { Ms, Request, SimEvent, SimInput, SimState, Trace } from '../types.js';
import { formatMix } from './mix.js';
import { roundTally } from './tally.js';
import { SLICE_WORK, tickForSpeed } from './timings.js';
import { startTraffic, tickTraffic, trafficInput } from './traffic.js';
import type { DeployRun, Mix, TrafficInput, TrafficState } from './types.js';

/** How fast the virtual clock runs while traffic flows: 0 is paused. */
export type Speed = 0 | 1 | 10 | 100;
const speeds: readonly Speed[] = [0, 1, 10, 100];

/** Offered loads `qps-step` walks through. */
export const QPS_LADDER: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000];

/**
 * Live traffic on a design. Its states are not steps of a history: ticks come ten times a second,
 * so stopping hands back one frame with the state traffic left behind.
 */
export interface TrafficSession {
  readonly state: TrafficState;
  readonly speed: Speed;
  /** The speed resuming goes back to. */
  readonly resume: Exclude<Speed, 0>;
  /** Virtual time when traffic began. */
  readonly since: Ms;
  /** The last request sent by hand while traffic runs, and what came of it. */
  readonly sent: { readonly request: Request; readonly trace: Trace } | null;
  /**
   * An `advance` too long to run in one go: the virtual time still to run, in slices (`work`),
   * and how long it was in all. Until it is done (or cancelled) the clock's ticks wait.
   */
  readonly catchUp: { readonly leftMs: Ms; readonly totalMs: Ms } | null;
}

/** What a session is asked to do. Inputs other than `run`, `stop` and `tick` start traffic (at 1×) when it is off. */
export type SessionInput =
  | { readonly type: 'run'; readonly to: 'on' | 'off' | 'toggle' }
  | { readonly type: 'start' }
  | { readonly type: 'stop' }
  | { readonly type: 'tick'; readonly ms: Ms }
  | { readonly type: 'qps'; readonly qps: number }
  | { readonly type: 'qps-step'; readonly delta: 1 | -1 }
  | { readonly type: 'mix'; readonly mix: Mix }
  | { readonly type: 'speed'; readonly speed: Speed }
  | { readonly type: 'speed-step'; readonly delta: 1 | -1 }
  | { readonly type: 'deploy' }
  /** One slice of a long `advance`; `cancel-work` gives up what is left of it. */
  | { readonly type: 'work' }
  | { readonly type: 'cancel-work' }
  /** A failure, heal, promotion, request... applied live; `advance` runs traffic that long at 1×. */
  | { readonly type: 'engine'; readonly input: SimInput };

/** What came of an input, in order; the first may be `started` when the input turned traffic on. */
export type SessionNote =
  | { readonly type: 'started'; readonly qps: number; readonly mix: Mix }
  | { readonly type: 'not-running' }
  | { readonly type: 'already'; readonly running: boolean }
  | { readonly type: 'paused' }
  | { readonly type: 'resumed'; readonly speed: Speed }
  | { readonly type: 'speed'; readonly speed: Speed }
  | { readonly type: 'speed-limit'; readonly delta: 1 | -1 }
  | { readonly type: 'qps'; readonly qps: number }
  | { readonly type: 'mix'; readonly mix: Mix }
  | { readonly type: 'deploy'; readonly strategy: DeployRun['strategy'] | undefined }
  | { readonly type: 'deploy-busy' }
  | { readonly type: 'applied'; readonly input: SimInput }
  | { readonly type: 'refused'; readonly reason: string }
  /** A long `advance` runs in slices: how far it is (`doneMs` of `totalMs`), finished, or given up. */
  | { readonly type: 'working'; readonly doneMs: Ms; readonly totalMs: Ms }
  | { readonly type: 'worked'; readonly totalMs: Ms }
  | { readonly type: 'work-cancelled'; readonly doneMs: Ms; readonly totalMs: Ms }
  /** Traffic stopped: `frame` is the state it left, the time it ran as an `advance`, and a summary event. */
  | { readonly type: 'stopped'; readonly frame: { readonly input: SimInput; readonly sim: SimState; readonly events: readonly SimEvent[] } };

export interface SessionStep {
  readonly session: TrafficSession | null;
  readonly notes: readonly SessionNote[];
}

const same = (session: TrafficSession | null, ...notes: SessionNote[]): SessionStep => ({ session, notes });

/** Traffic starting from `sim` at `speed`. */
function start(sim: SimState, speed: Speed): TrafficSession {
  return { state: startTraffic(sim, { tickMs: tickForSpeed(speed) }), speed, resume: speed === 0 ? 1 : speed, since: sim.now, sent: null, catchUp: null };
}

const startedNote = (s: TrafficSession): SessionNote => ({ type: 'started', qps: s.state.options.qps, mix: s.state.options.mix });

/** `ms` of virtual time under traffic; a paused clock (or one waiting for a long advance) does not move. */
function tick(s: TrafficSession, ms: Ms): TrafficSession {
  if (s.speed === 0 || ms <= 0 || s.catchUp) return s;
  return { ...s, state: tickTraffic(s.state, ms).state };
}

/** Applies a traffic input (the engine's error for an unknown id propagates). */
function input(s: TrafficSession, i: TrafficInput): TrafficSession {
  const r = trafficInput(s.state, i);
  if (i.type === 'send' && r.trace) return { ...s, state: r.state, sent: { request: i.request, trace: r.trace } };
  return { ...s, state: r.state };
}

/** Sets the clock's speed; ticks get coarser at high speed so a frame's work stays bounded. */
function withSpeed(s: TrafficSession, speed: Speed): TrafficSession {
  if (speed === 0) return { ...s, speed };
  return { ...input(s, { type: 'tick-size', ms: tickForSpeed(speed) }), speed, resume: speed };
}

/** The next notch of the QPS ladder from `qps`, up or down (clamped at its ends). */
function qpsNotch(qps: number, delta: 1 | -1): number {
  if (delta > 0) return QPS_LADDER.find((q) => q > qps) ?? QPS_LADDER[QPS_LADDER.length - 1] ?? qps;
  return [...QPS_LADDER].reverse().find((q) => q < qps) ?? QPS_LADDER[0] ?? qps;
}

/** The state traffic left as one frame: the engine's events under traffic, then a summary of what it did. */
function stop(s: TrafficSession): SessionStep {
  const { sim, options, totals, deploys } = s.state;
  const t = roundTally(totals);
  const deployed = deploys.length > 0 ? `; deploys failed ${deploys.map((d) => d.failed).join(', ')} requests` : '';
  const summary: SimEvent = {
    at: sim.now,
    source: 'traffic',
    kind: 'log',
    level: t.failed > 0 ? 'warn' : 'info',
    text: `${t.sent} requests at ${options.qps} QPS (${formatMix(options.mix)}): ${t.ok} ok, ${t.failed} failed${deployed}`,
  };
  return same(null, { type: 'stopped', frame: { input: { type: 'advance', ms: sim.now - s.since }, sim, events: [...s.state.events, summary] } });
}

function run(s: TrafficSession | null, from: SimState, to: 'on' | 'off' | 'toggle'): SessionStep {
  if (!s) {
    if (to === 'off') return same(null, { type: 'not-running' });
    const on = start(from, 1);
    return same(on, startedNote(on));
  }
  const running = s.speed > 0;
  if ((to === 'on' && running) || (to === 'off' && !running)) return same(s, { type: 'already', running });
  const next = withSpeed(s, running ? 0 : s.resume);
  return same(next, running ? { type: 'paused' } : { type: 'resumed', speed: next.speed });
}

/** An input that needs traffic on, applied to a running (or just started) session. */
function live(s: TrafficSession, i: SessionInput): SessionStep {
  switch (i.type) {
    case 'qps':
    case 'qps-step': {
      const next = input(s, { type: 'qps', qps: i.type === 'qps' ? i.qps : qpsNotch(s.state.options.qps, i.delta) });
      return same(next, { type: 'qps', qps: next.state.options.qps });
    }
    case 'mix':
      return same(input(s, { type: 'mix', mix: i.mix }), { type: 'mix', mix: i.mix });
    case 'speed':
      return same(withSpeed(s, i.speed), { type: 'speed', speed: i.speed });
    case 'deploy': {
      const next = input(s, { type: 'deploy' });
      return same(next, s.state.deploy ? { type: 'deploy-busy' } : { type: 'deploy', strategy: next.state.deploy?.strategy });
    }
    case 'engine':
      try {
        const e = i.input;
        if (e.type === 'advance' && sliceOf(s, e.ms) < e.ms) return same({ ...s, catchUp: { leftMs: e.ms, totalMs: e.ms } }, { type: 'working', doneMs: 0, totalMs: e.ms });
        const next = e.type === 'advance' ? { ...s, state: tick({ ...s, speed: 1 }, e.ms).state } : input(s, e as TrafficInput);
        return same(next, { type: 'applied', input: e });
      } catch (error) {
        return same(s, { type: 'refused', reason: error instanceof Error ? error.message : String(error) });
      }
    default:
      return same(s);
  }
}

/**
 * The virtual time one slice of work may cover, at most `ms`: as many ticks as keep the slice
 * under `SLICE_WORK` component-ticks, so the app answers keys and signals between slices
 * however large the topology.
 */
function sliceOf(s: TrafficSession, ms: Ms): Ms {
  const ticks = Math.max(1, Math.floor(SLICE_WORK / Math.max(1, s.state.sim.topology.components.length)));
  return Math.min(ms, ticks * s.state.options.tickMs);
}

/** One slice of a long advance; the last one clears it. */
function work(s: TrafficSession): SessionStep {
  if (!s.catchUp) return same(s);
  const { leftMs, totalMs } = s.catchUp;
  const ms = sliceOf(s, leftMs);
  const state = tick({ ...s, speed: 1, catchUp: null }, ms).state;
  if (ms >= leftMs) return same({ ...s, state, catchUp: null }, { type: 'worked', totalMs });
  return same({ ...s, state, catchUp: { leftMs: leftMs - ms, totalMs } }, { type: 'working', doneMs: totalMs - leftMs + ms, totalMs });
}

/**
 * One input to a traffic session. `from` is the system state traffic starts from when the input
 * turns it on (`speed` starts it at that speed, the rest at 1×); it is ignored while traffic runs.
 */
export function runSession(session: TrafficSession | null, from: SimState, i: SessionInput): SessionStep {
  switch (i.type) {
    case 'run':
      return run(session, from, i.to);
    case 'stop':
      return session ? stop(session) : same(null);
    case 'tick':
      return same(session && tick(session, i.ms));
    case 'work':
      return session ? work(session) : same(null);
    case 'cancel-work':
      if (!session?.catchUp) return same(session);
      return same({ ...session, catchUp: null }, { type: 'work-cancelled', doneMs: session.catchUp.totalMs - session.catchUp.leftMs, totalMs: session.catchUp.totalMs });
    case 'speed-step': {
      const next = speeds[speeds.indexOf(session?.speed ?? 0) + i.delta];
      if (next === undefined) return same(session, { type: 'speed-limit', delta: i.delta });
      return runSession(session, from, { type: 'speed', speed: next });
    }
    default: {
      const on = session ?? start(from, i.type === 'speed' ? i.speed : 1);
      const step = live(on, i);
      return session ? step : { session: step.session, notes: [startedNote(on), ...step.notes] };
    }
  }
}
