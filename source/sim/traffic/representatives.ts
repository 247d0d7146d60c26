/**
 * Aggregation: instead of one trace per request, each tick sends a few representative requests
 * per class through the real engine, enough for round robin to visit every path, and each one
 * stands for an equal share of that class's requests in the tick. At low rates every request is
 * its own representative, so nothing is approximated there.
 */
import { step } from '../engine.js';
import { roundsToCoverAll } from '../replay.js';
import type { SimEvent, SimState, Trace } from '../types.js';
import { classRequest, requestClassNames } from './mix.js';
import type { Mix, RequestClass } from './types.js';

export interface Representative {
  readonly cls: RequestClass;
  /** How many requests it stands for (a whole number ≥ 1). */
  readonly weight: number;
  readonly trace: Trace;
  /** The components the request reached, in the order it reached them (the client excluded). */
  readonly path: readonly string[];
  /** What the engine logged while handling it (once, for all the requests it stands for). */
  readonly events: readonly SimEvent[];
}

/** The components a trace reached (request hops that got through), first arrival first. */
function reached(trace: Trace, client: string): string[] {
  const out: string[] = [];
  for (const h of trace.hops) {
    if (h.direction !== 'request' || h.result !== 'ok' || h.to === client || out.includes(h.to)) continue;
    out.push(h.to);
  }
  return out;
}

function clientId(state: SimState): string {
  return state.topology.components.find((c) => c.kind === 'client')?.id ?? 'browser';
}

/**
 * Sends the representatives of one tick. Guaranteed: the weights of a class add up to its count
 * and differ by at most one; the extra requests go to the representatives in turn from `turn`
 * (kept across ticks), so over time every path gets the same share, as round robin gives it.
 */
export function sendRepresentatives(state: SimState, counts: Mix, turn: Mix): { state: SimState; reps: Representative[]; turn: Mix } {
  const client = clientId(state);
  // Static files stop at the web servers, so they need one representative per LB server only.
  const all = roundsToCoverAll(state);
  const servers = Math.max(1, ...state.topology.components.map((c) => (c.kind === 'load-balancer' ? c.backends.length : 1)));
  let sim = state;
  const reps: Representative[] = [];
  const next = { ...turn };
  for (const cls of requestClassNames) {
    const n = counts[cls];
    const paths = cls === 'static' ? servers : all;
    const k = Math.min(n, paths);
    const extra = k > 0 ? n % k : 0;
    const first = turn[cls] % Math.max(k, 1);
    next[cls] = k > 0 ? (turn[cls] + extra) % paths : turn[cls];
    for (let i = 0; i < k; i++) {
      const r = step(sim, { type: 'send', request: classRequest[cls] });
      sim = r.state;
      if (!r.trace) continue;
      const weight = Math.floor(n / k) + ((i - first + k) % k < extra ? 1 : 0);
      reps.push({ cls, weight, trace: r.trace, path: reached(r.trace, client), events: r.events });
    }
  }
  return { state: sim, reps, turn: next };
}
