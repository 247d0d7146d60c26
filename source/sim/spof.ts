/**
 * Single-point-of-failure analysis, computed from the engine alone: fail each component and each
 * host on its own, replay the request classes right away (the detection gap) and once the system
 * has settled, and classify what users lost (DESIGN §6). Nothing here knows any design by name.
 */
import type { Topology } from '../model/types.js';
import { shortOutcome, succeeded } from './describe-outcome.js';
import { createSim, settle, step } from './engine.js';
import { formatRequest } from './request.js';
import { replay, replayEach, requestClasses, roundsToCoverAll } from './replay.js';
import { topologyIndex } from './topology-index.js';
import type { Impact, Request, SimState, SpofRow, Trace } from './types.js';

type ClassName = keyof typeof requestClasses;
type Results = Record<ClassName, Trace[]>;

function replayClasses(state: SimState, rounds: number, detail: boolean): Results {
  let s = state;
  const out = {} as Results;
  for (const name of Object.keys(requestClasses) as ClassName[]) {
    const r = replay(s, requestClasses[name], rounds, detail);
    s = r.state;
    out[name] = r.traces;
  }
  return out;
}

const failures = (traces: readonly Trace[]) => traces.filter((t) => !succeeded(t.outcome));

/** Every component and host a successful request passed through (with the code the app servers ran). */
function servingIds(state: SimState, results: Results): Set<string> {
  const index = topologyIndex(state.topology);
  const ids = new Set<string>();
  for (const t of Object.values(results).flat()) {
    if (!succeeded(t.outcome)) continue;
    for (const h of t.hops) {
      for (const id of [h.from, h.to]) {
        const c = index.component(id);
        // An app server runs its code base: the code carries the same requests.
        for (const x of [id, c?.host, c?.kind === 'app-server' ? c.code : undefined]) if (x !== undefined) ids.add(x);
      }
    }
  }
  return ids;
}

function phrase(traces: readonly Trace[]): string {
  const failed = failures(traces);
  const first = failed[0];
  if (!first) return '';
  const share = failed.length === traces.length ? 'fails' : `fails ${failed.length} of ${traces.length} times`;
  return `${first.request} ${share}: ${shortOutcome(first)}`;
}

/** The host a firewall protects ('' for anything else): cutting it off removes that host's share. */
/** The host a network firewall stands in front of (a dead one cuts it off); '' for anything else. A stopped host firewall cuts nothing off. */
function protectedHost(topology: Topology, id: string): string {
  const c = topologyIndex(topology).component(id);
  return c?.kind === 'firewall' && c.type === 'network' ? c.protects : '';
}

/**
 * Requests sent right after the failure, the classes in rotation (so every server in turn gets
 * one), until the first one fails: all the detection gap needs to tell `degraded` from `none`.
 */
function firstGapFailure(state: SimState, rounds: number): Trace | null {
  const classes = Object.values(requestClasses);
  const stop = (t: Trace) => !succeeded(t.outcome);
  const { traces } = replayEach(state, (i) => classes[i % classes.length] as Request, rounds, { detail: false, stop });
  const last = traces[traces.length - 1];
  return last && stop(last) ? last : null;
}

function classify(topology: Topology, id: string, after: Results, gap: Trace | null, served: Set<string>): { impact: Impact; why: string } {
  const failed = { read: failures(after.read).length, static: failures(after.static).length, write: failures(after.write).length };
  if (after.read.length > 0 && failed.read === after.read.length && failed.write === after.write.length) {
    return { impact: 'outage', why: phrase(after.read) };
  }
  if (after.write.length > 0 && failed.write === after.write.length && failed.read === 0) {
    return { impact: 'writes', why: `${phrase(after.write)}; reads still work` };
  }
  const failing = (Object.keys(after) as ClassName[]).find((k) => failed[k] > 0);
  if (failing) return { impact: 'partial', why: `${phrase(after[failing])} even after settling` };
  if (gap) return { impact: 'degraded', why: `works once settled; right after the failure ${gap.request} got ${shortOutcome(gap)}` };
  // A host firewall only decides; stopped, it lets everything through and carries nothing itself.
  const decidesOnly = topologyIndex(topology).component(id)?.kind === 'firewall' && protectedHost(topology, id) === '';
  if ((served.has(id) && !decidesOnly) || served.has(protectedHost(topology, id))) return { impact: 'degraded', why: `works; ${id} no longer carries its share of requests` };
  return { impact: 'none', why: `no request of ${Object.values(requestClasses).map(formatRequest).join(', ')} needs it` };
}

/**
 * The impact of each single failure, components (all but the client) then hosts, in file order.
 * Deterministic for a topology and seed.
 */
export function analyzeSpof(topology: Topology, options: { seed?: number } = {}): SpofRow[] {
  const base = createSim(topology, options);
  const rounds = roundsToCoverAll(base);
  const served = servingIds(base, replayClasses(base, rounds, true));
  const index = topologyIndex(topology);
  return index.failable.map((id) => {
    const failed = step(base, { type: 'fail', id }).state;
    const gap = firstGapFailure(failed, rounds);
    const after = replayClasses(settle(failed).state, rounds, false);
    const kind = index.isHost(id) ? 'host' : 'component';
    return { id, kind, ...classify(topology, id, after, gap, served) };
  });
}

/** The ids of each impact, in the rows' order: a SPOF is an `outage`, the others are kept apart. */
export function groupByImpact(rows: readonly SpofRow[]): Readonly<Record<Impact, readonly string[]>> {
  const groups: Record<Impact, string[]> = { outage: [], writes: [], partial: [], degraded: [], none: [] };
  for (const r of rows) groups[r.impact].push(r.id);
  return groups;
}

/** One line per impact that occurs, worst first: `outage (SPOFs): dns, lb-1`. */
export function impactSummary(rows: readonly SpofRow[]): string[] {
  const groups = groupByImpact(rows);
  const names: Readonly<Record<Exclude<Impact, 'none'>, string>> = {
    outage: 'outage (single points of failure)',
    writes: 'writes lost, reads work',
    partial: 'partial (some requests keep failing)',
    degraded: 'degraded (less capacity or a failover gap)',
  };
  return (Object.keys(names) as (keyof typeof names)[]).map((impact) => `${names[impact]}: ${groups[impact].length === 0 ? 'none' : groups[impact].join(', ')}`);
}
