/**
 * How the SPOF analysis names what one failure did, from the replays made after it: the impact
 * (outage, lost writes, partial, degraded, none) and a short why (DESIGN §6).
 */
import type { Topology } from '../model/types.js';
import { shortOutcome, succeeded } from './describe-outcome.js';
import { formatRequest } from './request.js';
import { requestClasses } from './replay.js';
import { topologyIndex } from './topology-index.js';
import type { Impact, SimState, Trace } from './types.js';

export type ClassName = keyof typeof requestClasses;
/** Each request class's traces, in the order they were sent. */
export type Results = Record<ClassName, Trace[]>;

/** Whether the browser did not get what it asked for. */
export const failing = (t: Trace) => !succeeded(t.outcome);

const failures = (traces: readonly Trace[]) => traces.filter(failing);

/** Every component and host a successful request passed through (with the code the app servers ran). */
export function servingIds(state: SimState, results: Results): Set<string> {
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

/** The host a network firewall stands in front of (a dead one cuts it off); '' for anything else. A stopped host firewall cuts nothing off. */
function protectedHost(topology: Topology, id: string): string {
  const c = topologyIndex(topology).component(id);
  return c?.kind === 'firewall' && c.type === 'network' ? c.protects : '';
}

/**
 * The impact of a failure: `after` holds each class's replays once the system settled, `gap` the
 * first request that failed right after the failure (null if none did), `served` what carried
 * requests with nothing failed (see `servingIds`).
 */
export function classify(topology: Topology, id: string, after: Results, gap: Trace | null, served: Set<string>): { impact: Impact; why: string } {
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
  if (decidesOnly && served.has(id)) return { impact: 'none', why: 'works; stopped, it lets every packet through: the host is exposed, not cut off' };
  if (served.has(id) || served.has(protectedHost(topology, id))) return { impact: 'degraded', why: `works; the rest now carry what ${id} carried, with less to spare` };
  return { impact: 'none', why: `no request of ${Object.values(requestClasses).map(formatRequest).join(', ')} needs it` };
}

