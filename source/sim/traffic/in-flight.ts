/**
 * What a failure does to the requests already on their way. A browser keeps its connections
 * open between requests (keep-alive); when the component at the other end dies or the address
 * moves to another machine, the next packet on an idle connection meets a reset and the browser
 * silently sends an idempotent request again on a new connection, so idle connections cost
 * nothing. Only the requests in flight at that moment are lost: about the rate through the dead
 * component times the time a request takes (Little's law). They were counted as served when
 * sent, so they move from their success to `reset`.
 */
import { isDown } from '../engine.js';
import { topologyIndex } from '../topology-index.js';
import type { SimState } from '../types.js';
import type { SecondBucket, Tally, TrafficState } from './types.js';

/** The key lost requests are counted under (the browser shows ERR_CONNECTION_RESET). */
const RESET_KEY = 'reset';

/** Requests in flight on the browser's connections to components that are up in `before` and down in `after`. */
export function inFlight(ts: TrafficState, before: SimState, after: SimState): number {
  const client = topologyIndex(after.topology).client.id;
  const meanMs = ts.totals.sent > 0 ? ts.totals.latencySum / ts.totals.sent : 0;
  let n = 0;
  for (const link of ts.current.links) {
    if (link.from === client && !isDown(before, link.to) && isDown(after, link.to)) n += (link.rps * meanMs) / 1000;
  }
  return n;
}

/** `t` with `n` of its served requests (the most common success first) counted as reset instead. */
function reclassify<T extends Tally>(t: T, n: number): T {
  const ok = Object.entries(t.byOutcome).filter(([k]) => /^[123]\d\d$/.test(k)).sort((a, b) => b[1] - a[1]);
  const byOutcome: Record<string, number> = { ...t.byOutcome };
  let left = Math.min(n, t.ok);
  const moved = left;
  for (const [k, v] of ok) {
    const take = Math.min(v, left);
    byOutcome[k] = v - take;
    left -= take;
  }
  byOutcome[RESET_KEY] = (byOutcome[RESET_KEY] ?? 0) + moved;
  return { ...t, ok: t.ok - moved, failed: t.failed + moved, byOutcome };
}

/** `ts` with `n` requests in flight lost: in the run's totals and in the current second. */
export function loseInFlight(ts: TrafficState, n: number): TrafficState {
  if (n <= 0) return ts;
  const last = ts.window[ts.window.length - 1];
  const window: SecondBucket[] = last ? [...ts.window.slice(0, -1), reclassify(last, n)] : [...ts.window];
  return { ...ts, totals: reclassify(ts.totals, n), window };
}
