/**
 * Live traffic on the virtual clock: the engine-style API of the traffic model. State in, new
 * state and the log lines written out; pure and deterministic (same engine state, inputs and
 * tick lengths → same result); memory bounded whatever the run's length (a 60 s window, a
 * capped log, capped histories).
 */
import { step } from '../engine.js';
import type { Ms, SimEvent, SimState, Trace } from '../types.js';
import type { LineDraft } from './access-log.js';
import { advanceDeploy, startDeploy } from './deploy.js';
import { beliefs, detect } from './detections.js';
import { eventDraft, flushSecond, writeLines, type LogState } from './log-buffer.js';
import { inFlight, loseInFlight } from './in-flight.js';
import { initialMonitor, updateMonitor } from './monitoring.js';
import { addCounts, addToWindow, emptyTally } from './tally.js';
import { runTick } from './tick.js';
import { firewallLines } from './tick-lines.js';
import { DEFAULT_MIX, DEFAULT_TICK_MS, DETECTION_CAPACITY, HISTORY_CAPACITY } from './timings.js';
import type { ComponentTotal, LogLine, TrafficInput, TrafficOptions, TrafficState, TrafficStep } from './types.js';

const last = <T>(list: readonly T[], n: number): T[] => (list.length > n ? list.slice(list.length - n) : [...list]);

/** Traffic at rest on top of `sim`: nothing sent yet, the clock where `sim` left it. */
export function startTraffic(sim: SimState, options: Partial<TrafficOptions> = {}): TrafficState {
  const opts: TrafficOptions = { qps: options.qps ?? 100, mix: options.mix ?? DEFAULT_MIX, tickMs: options.tickMs ?? DEFAULT_TICK_MS };
  const monitor = initialMonitor(sim);
  return {
    sim, options: opts, carry: { static: 0, read: 0, write: 0 }, turn: { static: 0, read: 0, write: 0 }, totals: emptyTally, components: {}, window: [],
    current: { at: sim.now, components: {}, links: [], bottleneck: null },
    log: [], nextSeq: 0, pendingAccess: [], deploys: [], deploy: null, detections: [], actions: [], monitor, events: [],
  };
}

/** Writes drafts at `at` into the state's log; returns the new state and what was written. */
function write(ts: TrafficState, drafts: readonly LineDraft[], at: Ms, out: LogLine[]): TrafficState {
  if (drafts.length === 0) return ts;
  const r = writeLines(ts, drafts, at);
  out.push(...r.written);
  return { ...ts, ...r.state };
}

/** Logs the engine's events and keeps them, so the frame traffic leaves when it stops still tells what happened. */
function writeEvents(ts: TrafficState, events: readonly SimEvent[], out: LogLine[]): TrafficState {
  if (events.length === 0) return ts;
  let s: TrafficState = { ...ts, events: last([...ts.events, ...events], HISTORY_CAPACITY) };
  for (const e of events) if (e.kind !== 'log') s = write(s, [eventDraft(e)], e.at, out);
  return s;
}

/** Flushes the sampled access lines when the second in progress is over. */
function rollSecond(ts: TrafficState, out: LogLine[]): TrafficState {
  const bucket = ts.window[ts.window.length - 1];
  if (!bucket || Math.floor(ts.sim.now / 1000) === bucket.second) return ts;
  const r = flushSecond(ts as LogState);
  out.push(...r.written);
  return { ...ts, ...r.state };
}

/** Lets a running deploy take every phase that is due now. */
function runDeploy(ts: TrafficState, out: LogLine[]): TrafficState {
  let s = ts;
  for (let guard = 0; s.deploy && guard < 8; guard++) {
    const before = s.deploy;
    const p = advanceDeploy(s.sim, before, s.totals.failed);
    s = write({ ...s, sim: p.sim, deploy: p.run }, p.lines, s.sim.now, out);
    if (p.record) s = { ...s, deploys: last([...s.deploys, p.record], HISTORY_CAPACITY) };
    if (p.run === before) break;
  }
  return s;
}

function addTotals(ts: TrafficState, load: Readonly<Record<string, number>>, utilization: Readonly<Record<string, number>>): Record<string, ComponentTotal> {
  const components: Record<string, ComponentTotal> = { ...ts.components };
  for (const [id, n] of Object.entries(load)) {
    const c = components[id] ?? { requests: 0, peakUtilization: 0 };
    components[id] = { requests: c.requests + n, peakUtilization: Math.max(c.peakUtilization, utilization[id] ?? 0) };
  }
  return components;
}

/** One tick of `ms`: deploy phases due, the tick's traffic, then the clock. */
function tickOnce(ts: TrafficState, ms: Ms, out: LogLine[]): TrafficState {
  let s = runDeploy(rollSecond(ts, out), out);
  const at = s.sim.now;
  const t = runTick(s.sim, s.options, s.carry, s.turn, ms);
  s = {
    ...s, sim: t.sim, carry: t.carry, turn: t.turn, current: t.current,
    totals: addCounts(s.totals, t.counted),
    window: addToWindow(s.window, Math.floor(at / 1000), t.counted, t.load, t.errors, t.utilization),
    components: addTotals(s, t.load, t.utilization),
  };
  s = write(s, t.lines, at, out);
  const before = beliefs(s.sim);
  const advanced = step(s.sim, { type: 'advance', ms });
  s = writeEvents({ ...s, sim: advanced.state }, advanced.events, out);
  const found = detect(before, beliefs(s.sim), s.sim, s.actions);
  if (found.length > 0) s = { ...s, detections: last([...s.detections, ...found], DETECTION_CAPACITY) };
  const m = updateMonitor(s.sim, s.monitor);
  return write({ ...s, monitor: m.monitor }, m.lines, s.sim.now, out);
}

/**
 * Runs traffic for `dtMs` of virtual time, in ticks of `options.tickMs` (the last one shorter
 * if needed). Guaranteed: the clock moves by exactly `dtMs`; the input state is untouched.
 */
export function tickTraffic(ts: TrafficState, dtMs: Ms): TrafficStep {
  const out: LogLine[] = [];
  let s = ts;
  for (let left = Math.max(0, dtMs); left > 0; ) {
    const ms = Math.min(left, Math.max(1, s.options.tickMs));
    s = tickOnce(s, ms, out);
    left -= ms;
  }
  return { state: s, lines: out };
}

function describeInput(input: TrafficInput): string {
  switch (input.type) {
    case 'fail':
    case 'hang':
    case 'heal':
    case 'promote':
      return `${input.type} ${input.id}`;
    case 'maintenance':
      return `set server ${input.server} state ${input.on ? 'maint' : 'ready'} on ${input.lb}`;
    case 'heal-all':
      return 'heal all';
    default:
      return input.type;
  }
}

/**
 * Applies what a user does while traffic runs. Failures, heals and promotions go to the engine
 * (and are remembered to time detections against); `send` also returns the trace; an unknown id
 * throws the engine's Error.
 */
export function trafficInput(ts: TrafficState, input: TrafficInput): TrafficStep & { trace?: Trace } {
  const out: LogLine[] = [];
  const at = ts.sim.now;
  const mark = (s: TrafficState, ids: readonly string[]) => ({ ...s, actions: last([...s.actions, { at, text: describeInput(input), ids }], HISTORY_CAPACITY) });
  switch (input.type) {
    case 'qps':
      // A rate that is not a number leaves the rate as it was: NaN would poison every count after it.
      return { state: { ...ts, options: { ...ts.options, qps: Number.isFinite(input.qps) ? Math.max(0, input.qps) : ts.options.qps } }, lines: [] };
    case 'mix':
      return { state: { ...ts, options: { ...ts.options, mix: input.mix } }, lines: [] };
    case 'tick-size':
      return { state: { ...ts, options: { ...ts.options, tickMs: Math.max(1, input.ms) } }, lines: [] };
    case 'deploy': {
      if (ts.deploy) return { state: write(ts, [{ source: 'deploy', stream: 'deploy', level: 'warn', template: 'a deploy is already running', count: 1 }], at, out), lines: out };
      const started = mark({ ...ts, deploy: startDeploy(ts.sim, ts.totals.failed) }, []);
      return { state: runDeploy(started, out), lines: out };
    }
    case 'send': {
      const r = step(ts.sim, input);
      const s = write(writeEvents({ ...ts, sim: r.state }, r.events, out), r.trace ? firewallLines(ts.sim.topology, r.trace, 1) : [], at, out);
      return r.trace ? { state: s, lines: out, trace: r.trace } : { state: s, lines: out };
    }
    default: {
      const r = step(ts.sim, input);
      const ids = 'id' in input ? [input.id] : input.type === 'maintenance' ? [input.server] : [];
      const lost = loseInFlight(ts, inFlight(ts, ts.sim, r.state));
      return { state: writeEvents(mark({ ...lost, sim: r.state }, ids), r.events, out), lines: out };
    }
  }
}
