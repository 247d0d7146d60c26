/**
 * A headless run: traffic at a rate for a duration on the virtual clock, with scripted actions,
 * summarized. Pure and deterministic: the same topology, options and seed give the same summary.
 */
import type { Topology } from '../../model/types.js';
import { createSim } from '../engine.js';
import type { Ms } from '../types.js';
import type { ScheduledAction } from './schedule.js';
import { roundTally } from './tally.js';
import { startTraffic, tickTraffic, trafficInput } from './traffic.js';
import { DEFAULT_TICK_MS } from './timings.js';
import type { Detection, Mix, TrafficState } from './types.js';

export interface SimulationOptions {
  readonly qps: number;
  readonly durationMs: Ms;
  readonly mix: Mix;
  readonly actions: readonly ScheduledAction[];
  readonly seed: number;
  readonly tickMs?: Ms;
}

export interface SimulationSummary {
  readonly topology: string;
  readonly qps: number;
  readonly durationMs: Ms;
  readonly mix: Mix;
  readonly seed: number;
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly latency: { readonly meanMs: number; readonly maxMs: number };
  /** Per second of the run, from second 0: requests sent and requests failed. */
  readonly timeline: { readonly sent: readonly number[]; readonly failed: readonly number[] };
  readonly components: Readonly<Record<string, { readonly requests: number; readonly peakUtilization: number }>>;
  readonly bottleneck: { readonly id: string; readonly peakUtilization: number } | null;
  readonly deploys: readonly { readonly at: Ms; readonly failed: number; readonly duration: Ms | null; readonly strategy: string }[];
  readonly detections: readonly Detection[];
  readonly actions: readonly { readonly at: Ms; readonly action: string }[];
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function summarize(topology: Topology, options: SimulationOptions, ts: TrafficState, timeline: SimulationSummary['timeline']): SimulationSummary {
  const t = roundTally(ts.totals);
  const components: Record<string, { requests: number; peakUtilization: number }> = {};
  let bottleneck: SimulationSummary['bottleneck'] = null;
  for (const c of topology.components) {
    const total = ts.components[c.id];
    if (!total) continue;
    components[c.id] = { requests: Math.round(total.requests), peakUtilization: round3(total.peakUtilization) };
    if (!bottleneck || total.peakUtilization > bottleneck.peakUtilization) bottleneck = { id: c.id, peakUtilization: round3(total.peakUtilization) };
  }
  const running = ts.deploy ? [{ at: ts.deploy.startedAt, failed: Math.round(ts.totals.failed - ts.deploy.failedAtStart), duration: null, strategy: ts.deploy.strategy }] : [];
  return {
    topology: topology.id, qps: options.qps, durationMs: options.durationMs, mix: options.mix, seed: options.seed,
    sent: t.sent, ok: t.ok, failed: t.failed, byOutcome: t.byOutcome,
    latency: { meanMs: ts.totals.sent > 0 ? Math.round(ts.totals.latencySum / ts.totals.sent) : 0, maxMs: Math.round(ts.totals.latencyMax) },
    timeline, components, bottleneck,
    deploys: [...ts.deploys, ...running],
    detections: ts.detections,
    actions: options.actions.map((a) => ({ at: a.at, action: a.text })),
  };
}

/**
 * A run in progress, advanced in slices so that a caller can report progress and stop between
 * them: `startSimulation`, `continueSimulation` until `done`, then `finishSimulation`. Slicing
 * never changes the result: the slices cut the run only between its seconds.
 */
export interface SimulationRun {
  readonly topology: Topology;
  readonly options: SimulationOptions;
  readonly ts: TrafficState;
  /** The scripted actions in time order, and the index of the next one due. */
  readonly actions: readonly ScheduledAction[];
  readonly next: number;
  readonly timeline: SimulationSummary['timeline'];
  readonly done: boolean;
}

/** A run of `options` on `topology` from a freshly started system, nothing simulated yet. */
export function startSimulation(topology: Topology, options: SimulationOptions): SimulationRun {
  const ts = startTraffic(createSim(topology, { seed: options.seed }), { qps: options.qps, mix: options.mix, ...(options.tickMs ? { tickMs: options.tickMs } : {}) });
  // Actions at the same time apply in the order given (the sort is stable).
  const actions = [...options.actions].sort((a, b) => a.at - b.at);
  return { topology, options, ts, actions, next: 0, timeline: { sent: [], failed: [] }, done: options.durationMs <= 0 };
}

/**
 * Runs at least `sliceMs` more of virtual time (to the end of a second, or of the run). The run
 * given is left untouched.
 */
export function continueSimulation(run: SimulationRun, sliceMs: Ms): SimulationRun {
  const { options } = run;
  const sent = [...run.timeline.sent];
  const failed = [...run.timeline.failed];
  let { ts, next } = run;
  const until = ts.sim.now + Math.max(1, sliceMs);
  while (ts.sim.now < options.durationMs && ts.sim.now < until) {
    while (next < run.actions.length && (run.actions[next]?.at ?? Infinity) <= ts.sim.now) ts = trafficInput(ts, (run.actions[next++] as ScheduledAction).input).state;
    // A failure can lose requests sent in a second already written out (those still in flight).
    const written = ts.window[ts.window.length - 1];
    if (written && written.second === failed.length - 1) failed[written.second] = Math.round(written.failed);
    const secondEnd = (Math.floor(ts.sim.now / 1000) + 1) * 1000;
    const to = Math.min(secondEnd, options.durationMs, run.actions[next]?.at ?? Infinity);
    ts = tickTraffic(ts, to - ts.sim.now).state;
    const bucket = ts.window[ts.window.length - 1];
    // A second is complete when the clock reaches its end (or the run ends inside it).
    if (bucket && (ts.sim.now % 1000 === 0 || ts.sim.now >= options.durationMs)) {
      sent.push(Math.round(bucket.sent));
      failed.push(Math.round(bucket.failed));
    }
  }
  return { ...run, ts, next, timeline: { sent, failed }, done: ts.sim.now >= options.durationMs };
}

/** How much of the run is done, from 0 to 1. */
export const simulationProgress = (run: SimulationRun): number => (run.options.durationMs > 0 ? Math.min(1, run.ts.sim.now / run.options.durationMs) : 1);

/** The summary of a finished run (or of what a cancelled one simulated so far). */
export const finishSimulation = (run: SimulationRun): SimulationSummary => summarize(run.topology, run.options, run.ts, run.timeline);

/** What a tick costs whatever the topology (the clock, the tally, the log), in components' worth. */
const TICK_OVERHEAD = 8;

/**
 * The work a run costs, in component-ticks: every tick sends requests through the topology and
 * moves every component's clock, so time to compute grows with ticks × components (not with the
 * offered load, which the traffic model carries as counts). Measured on a 2-core laptop: about
 * 6 µs per component-tick, plus a fixed cost per tick worth `TICK_OVERHEAD` components.
 */
export function simulationWork(topology: Topology, options: Pick<SimulationOptions, 'durationMs' | 'tickMs'>): number {
  return Math.ceil(options.durationMs / (options.tickMs ?? DEFAULT_TICK_MS)) * (topology.components.length + TICK_OVERHEAD);
}

/** Runs `options` on `topology` from a freshly started system, in one go. */
export function runSimulation(topology: Topology, options: SimulationOptions): SimulationSummary {
  let run = startSimulation(topology, options);
  while (!run.done) run = continueSimulation(run, options.durationMs);
  return finishSimulation(run);
}
