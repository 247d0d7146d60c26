/**
 * Single-point-of-failure analysis, computed from the engine alone: fail each component and each
 * host on its own, replay the request classes right away (the detection gap) and once the system
 * has settled, and classify what users lost (DESIGN §6). Nothing here knows any design by name.
 */
import type { Topology } from '../model/types.js';
import { shortOutcome, succeeded } from './describe-outcome.js';
import { createSim, settle, step } from './engine.js';
import { formatRequest } from './request.js';
import { replay, requestClasses, roundsToCoverAll } from './replay.js';
import { topologyIndex } from './topology-index.js';
import type { Impact, SimState, SpofRow, Trace } from './types.js';

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

/** Every component and host a successful request passed through. */
function servingIds(state: SimState, results: Results): Set<string> {
  const index = topologyIndex(state.topology);
  const ids = new Set<string>();
  for (const t of Object.values(results).flat()) {
    if (!succeeded(t.outcome)) continue;
    for (const h of t.hops) {
      for (const id of [h.from, h.to]) {
        ids.add(id);
        const host = index.component(id)?.host;
        if (host !== undefined) ids.add(host);
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
function protectedHost(topology: Topology, id: string): string {
  const c = topologyIndex(topology).component(id);
  return c?.kind === 'firewall' ? c.protects : '';
}

function classify(topology: Topology, id: string, after: Results, gap: Results, served: Set<string>): { impact: Impact; why: string } {
  const [read, write] = [after.read, after.write];
  if (read.length > 0 && failures(read).length === read.length && failures(write).length === write.length) {
    return { impact: 'outage', why: phrase(read) };
  }
  if (write.length > 0 && failures(write).length === write.length && failures(read).length === 0) {
    return { impact: 'writes', why: `${phrase(write)}; reads still work` };
  }
  const failing = (Object.keys(after) as ClassName[]).find((k) => failures(after[k]).length > 0);
  if (failing) return { impact: 'partial', why: `${phrase(after[failing])} even after settling` };
  const early = (Object.keys(gap) as ClassName[]).find((k) => failures(gap[k]).length > 0);
  if (early) return { impact: 'degraded', why: `works once settled; right after the failure ${phrase(gap[early])}` };
  if (served.has(id) || served.has(protectedHost(topology, id))) return { impact: 'degraded', why: `works; ${id} no longer carries its share of requests` };
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
    const gap = replayClasses(failed, rounds, false);
    const after = replayClasses(settle(failed).state, rounds, false);
    const kind = index.isHost(id) ? 'host' : 'component';
    return { id, kind, ...classify(topology, id, after, gap, served) };
  });
}
