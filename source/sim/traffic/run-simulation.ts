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

/** Runs `options` on `topology` from a freshly started system. Actions at the same time apply in the order given. */
export function runSimulation(topology: Topology, options: SimulationOptions): SimulationSummary {
  let ts = startTraffic(createSim(topology, { seed: options.seed }), { qps: options.qps, mix: options.mix, ...(options.tickMs ? { tickMs: options.tickMs } : {}) });
  const actions = [...options.actions].sort((a, b) => a.at - b.at);
  const timeline = { sent: [] as number[], failed: [] as number[] };
  let next = 0;
  while (ts.sim.now < options.durationMs) {
    while (next < actions.length && (actions[next]?.at ?? Infinity) <= ts.sim.now) ts = trafficInput(ts, (actions[next++] as ScheduledAction).input).state;
    // A failure can lose requests sent in a second already written out (those still in flight).
    const written = ts.window[ts.window.length - 1];
    if (written && written.second === timeline.failed.length - 1) timeline.failed[written.second] = Math.round(written.failed);
    const secondEnd = (Math.floor(ts.sim.now / 1000) + 1) * 1000;
    const until = Math.min(secondEnd, options.durationMs, actions[next]?.at ?? Infinity);
    ts = tickTraffic(ts, until - ts.sim.now).state;
    const bucket = ts.window[ts.window.length - 1];
    // A second is complete when the clock reaches its end (or the run ends inside it).
    if (bucket && (ts.sim.now % 1000 === 0 || ts.sim.now >= options.durationMs)) {
      timeline.sent.push(Math.round(bucket.sent));
      timeline.failed.push(Math.round(bucket.failed));
    }
  }
  return summarize(topology, options, ts, timeline);
}
