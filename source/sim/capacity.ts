/**
 * The capacity model. Offered load (requests per second, split into static / read / write) is
 * routed the way the engine routes single requests (sampled traces, so belief, failures and
 * fallbacks all count); each component's load against its capacity gives its utilization;
 * latency grows like an M/M/1 queue, 1 / (1 − ρ), capped; above capacity the excess fails with
 * the status the overloaded software produces. It works on rates, not individual requests, so a
 * traffic mode can call it once per time slice.
 */
import type { Topology } from '../model/types.js';
import { succeeded } from './describe-outcome.js';
import { holdTimes, utilizationOf } from './pools.js';
import { describeExcess, excessFailure } from './traffic/excess-failure.js';
import { replay, requestClasses, roundsToCoverAll } from './replay.js';
import { topologyIndex } from './topology-index.js';
import type { SimState, Trace } from './types.js';
import { DEFAULT_MIX } from './traffic/timings.js';

export interface Mix {
  readonly static: number;
  readonly read: number;
  readonly write: number;
}

interface ComponentLoad {
  readonly id: string;
  /** Requests per second reaching it. */
  readonly load: number;
  readonly capacity: number;
  readonly utilization: number;
}

interface ClassOutcome {
  readonly name: keyof Mix;
  readonly request: string;
  readonly qps: number;
  /** Fraction of these requests that succeed, 0..1. */
  readonly success: number;
  /** Mean time to an answer, queueing included. */
  readonly latencyMs: number;
}

export interface CapacityReport {
  readonly qps: number;
  readonly components: readonly ComponentLoad[];
  readonly classes: readonly ClassOutcome[];
  /** The most utilized component, and what its excess requests get. */
  readonly bottleneck: { readonly id: string; readonly utilization: number; readonly failsWith: string } | null;
  /** The offered load (same mix) at which the bottleneck reaches 100 %. */
  readonly maxQps: number;
  readonly failedQps: number;
}

/** Latency multiplier of a queue at utilization ρ: 1/(1−ρ), capped at 20× near saturation. */
export function queueFactor(rho: number): number {
  return Math.min(20, 1 / (1 - Math.min(rho, 0.95)));
}

/** The components a trace loaded: every one it reached (the client and failures excluded). */
function pathOf(state: SimState, trace: Trace): string[] {
  const index = topologyIndex(state.topology);
  const ids = new Set<string>();
  for (const h of trace.hops) {
    if (h.result !== 'ok') continue;
    for (const id of [h.from, h.to]) if (index.component(id)?.kind !== 'client' && index.component(id)) ids.add(id);
  }
  return [...ids];
}

function sample(state: SimState): Record<keyof Mix, Trace[]> {
  const rounds = roundsToCoverAll(state);
  return {
    static: replay(state, requestClasses.static, rounds).traces,
    read: replay(state, requestClasses.read, rounds).traces,
    write: replay(state, requestClasses.write, rounds).traces,
  };
}

/** What the excess at `id` gets, on the path of the first sampled request that reaches it. */
function failsWith(state: SimState, traces: Record<keyof Mix, Trace[]>, id: string): string {
  for (const t of Object.values(traces).flat()) {
    const path = pathOf(state, t);
    const i = path.indexOf(id);
    if (i >= 0) return describeExcess(excessFailure(state.topology, path, i));
  }
  return 'time-outs';
}

/**
 * Load, utilization and outcomes for `qps` requests per second in `mix` proportions, on the
 * system as `state` has it. Guaranteed: success fractions in 0..1; maxQps is Infinity only
 * when no request reaches any component.
 */
export function capacityReport(topology: Topology, state: SimState, options: { qps: number; mix?: Mix }): CapacityReport {
  const mix = options.mix ?? DEFAULT_MIX;
  const total = mix.static + mix.read + mix.write || 1;
  const traces = sample(state);
  const index = topologyIndex(topology);
  const load = new Map<string, number>();
  // Per second of traffic: the time requests hold a slot (worker, connection) of each component.
  const busy = new Map<string, number>();
  const names = Object.keys(traces) as (keyof Mix)[];
  for (const name of names) {
    const share = (options.qps * mix[name]) / total / Math.max(1, traces[name].length);
    for (const t of traces[name]) {
      for (const id of pathOf(state, t)) load.set(id, (load.get(id) ?? 0) + share);
      for (const [id, hold] of holdTimes(t, topology)) busy.set(id, (busy.get(id) ?? 0) + share * hold);
    }
  }
  const components = [...load].map(([id, l]) => {
    const c = index.component(id);
    const utilization = c ? utilizationOf(topology, c, l, busy.get(id) ?? 0, 1000) : 0;
    return { id, load: l, capacity: utilization > 0 ? l / utilization : Infinity, utilization };
  });
  const byId = new Map(components.map((c) => [c.id, c]));
  const served = (id: string) => Math.min(1, (byId.get(id)?.capacity ?? Infinity) / (byId.get(id)?.load ?? 1));
  const classes = names.map((name) => {
    const list = traces[name];
    const qps = (options.qps * mix[name]) / total;
    const ok = list.map((t) => (succeeded(t.outcome) ? pathOf(state, t).reduce((p, id) => p * served(id), 1) : 0));
    const latency = list.map((t) => t.duration * Math.max(1, ...pathOf(state, t).map((id) => queueFactor(byId.get(id)?.utilization ?? 0))));
    const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
    return { name, request: list[0]?.request ?? '', qps, success: mean(ok), latencyMs: Math.round(mean(latency)) };
  });
  const top = [...components].sort((a, b) => b.utilization - a.utilization)[0];
  const bottleneck = top ? { id: top.id, utilization: top.utilization, failsWith: failsWith(state, traces, top.id) } : null;
  const maxQps = top && options.qps > 0 ? options.qps / top.utilization : Infinity;
  const failedQps = classes.reduce((sum, c) => sum + c.qps * (1 - c.success), 0);
  return { qps: options.qps, components, classes, bottleneck, maxQps, failedQps };
}
