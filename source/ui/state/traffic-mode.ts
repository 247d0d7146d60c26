import { formatMix, type Ms, roundTally, type SimEvent, startTraffic, tickForSpeed, tickTraffic, trafficInput, type TrafficInput } from '../../sim/index.js';
import type { DesignState, Speed, TrafficMode } from './app-state.js';
import { appendFrame, currentFrame } from './timeline.js';

/** Offered loads `+` and `-` step through. */
export const QPS_LADDER: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000];
/** The most `:qps` accepts: beyond it the numbers stop teaching anything. */
export const MAX_QPS = 100_000;

/** Traffic starting from the frame the user is looking at, at `speed`. */
export function enterTraffic(design: DesignState, speed: Speed): DesignState {
  const sim = currentFrame(design.timeline).sim;
  const state = startTraffic(sim, { tickMs: tickForSpeed(speed) });
  const mode: TrafficMode = { state, speed, resume: speed === 0 ? 1 : speed, since: sim.now, sent: null };
  return { ...design, traffic: mode };
}

/**
 * Back to step mode: the state traffic left becomes one new frame of the timeline (a branch if
 * the user had stepped back before starting), with a summary event, so `b` returns to the
 * moment before traffic began.
 */
export function leaveTraffic(design: DesignState): DesignState {
  const mode = design.traffic;
  if (!mode) return design;
  const { sim, options, totals, deploys } = mode.state;
  const t = roundTally(totals);
  const deployed = deploys.length > 0 ? `; deploys failed ${deploys.map((d) => d.failed).join(', ')} requests` : '';
  const summary: SimEvent = {
    at: sim.now,
    source: 'traffic',
    kind: 'log',
    level: t.failed > 0 ? 'warn' : 'info',
    text: `${t.sent} requests at ${options.qps} QPS (${formatMix(options.mix)}): ${t.ok} ok, ${t.failed} failed${deployed}`,
  };
  const frame = { input: { type: 'advance' as const, ms: sim.now - mode.since }, sim, events: [summary], trace: null };
  return { ...design, traffic: null, timeline: appendFrame(design.timeline, frame) };
}

/** `ms` of virtual time under traffic; a paused clock does not move. */
export function tickMode(mode: TrafficMode, ms: Ms): TrafficMode {
  if (mode.speed === 0 || ms <= 0) return mode;
  return { ...mode, state: tickTraffic(mode.state, ms).state };
}

/** Applies a traffic input (the engine's error for an unknown id propagates). */
export function inputMode(mode: TrafficMode, input: TrafficInput): TrafficMode {
  const r = trafficInput(mode.state, input);
  if (input.type === 'send' && r.trace) return { ...mode, state: r.state, sent: { request: input.request, trace: r.trace } };
  return { ...mode, state: r.state };
}

/** Sets the clock's speed; ticks get coarser at high speed so a frame's work stays bounded. */
export function withSpeed(mode: TrafficMode, speed: Speed): TrafficMode {
  if (speed === 0) return { ...mode, speed };
  return { ...inputMode(mode, { type: 'tick-size', ms: tickForSpeed(speed) }), speed, resume: speed };
}

/** The next notch of the QPS ladder from `qps`, up or down (clamped at its ends). */
export function qpsNotch(qps: number, delta: 1 | -1): number {
  if (delta > 0) return QPS_LADDER.find((q) => q > qps) ?? QPS_LADDER[QPS_LADDER.length - 1] ?? qps;
  return [...QPS_LADDER].reverse().find((q) => q < qps) ?? QPS_LADDER[0] ?? qps;
}
