/**
 * What a failure does to the requests already on their way. A browser keeps its connections
 * open between requests (keep-alive); only the requests in flight at that moment are lost: about
 * the rate through the dead component times the time a request takes now (Little's law). They
 * were counted as served when sent, so they move from their success to how they end:
 * - the process stopped on a running machine: its kernel answers the next packet with a reset
 *   (the browser shows ERR_CONNECTION_RESET);
 * - the machine itself is gone: nothing answers, the browser's retransmits go unanswered and the
 *   request ends as a time-out, unless a VIP peer takes the address over, whose kernel knows
 *   nothing of the connection and resets it.
 * Idle keep-alive connections cost nothing: the browser silently sends an idempotent request
 * again on a new connection.
 */
import type { Component } from '../../model/types.js';
import { isDown } from '../engine.js';
import { topologyIndex } from '../topology-index.js';
import type { SimState } from '../types.js';
import type { SecondBucket, Tally, TrafficState } from './types.js';

/** How lost requests end: the keys the tallies count them under. */
type LostAs = 'reset' | 'timeout';

/** Requests lost per way they end; absent keys lost none. */
export type InFlightLoss = Partial<Record<LostAs, number>>;

/** How a request in flight to `c` ends once `c` went down between `before` and `after`. */
function lostAs(before: SimState, after: SimState, c: Component): LostAs {
  const hostGone = c.host !== undefined && !isDown(before, c.host) && isDown(after, c.host);
  if (!hostGone) return 'reset';
  const peerTakesOver = after.topology.clusters.some(
    (k) => k.kind === 'vip' && k.members.includes(c.id) && k.members.some((m) => m !== c.id && !isDown(after, m)),
  );
  return peerTakesOver ? 'reset' : 'timeout';
}

/** Requests in flight on the browser's connections to components that are up in `before` and down in `after`. */
export function inFlight(ts: TrafficState, before: SimState, after: SimState): InFlightLoss {
  const index = topologyIndex(after.topology);
  const client = index.client.id;
  // The time a request takes now, not over the whole run: earlier outages' slow failures do not count.
  const now = ts.window[ts.window.length - 1];
  const meanMs = now && now.sent > 0 ? now.latencySum / now.sent : 0;
  const loss: InFlightLoss = {};
  for (const link of ts.current.links) {
    const c = index.component(link.to);
    if (link.from !== client || !c || isDown(before, link.to) || !isDown(after, link.to)) continue;
    const as = lostAs(before, after, c);
    loss[as] = (loss[as] ?? 0) + (link.rps * meanMs) / 1000;
  }
  return loss;
}

/** `t` with `n` of its served requests (the most common success first) counted under `key` instead. */
function reclassify<T extends Tally>(t: T, n: number, key: LostAs): T {
  const ok = Object.entries(t.byOutcome).filter(([k]) => /^[123]\d\d$/.test(k)).sort((a, b) => b[1] - a[1]);
  const byOutcome: Record<string, number> = { ...t.byOutcome };
  let left = Math.min(n, t.ok);
  const moved = left;
  for (const [k, v] of ok) {
    const take = Math.min(v, left);
    byOutcome[k] = v - take;
    left -= take;
  }
  byOutcome[key] = (byOutcome[key] ?? 0) + moved;
  return { ...t, ok: t.ok - moved, failed: t.failed + moved, byOutcome };
}

/** `ts` with the requests in flight lost: in the run's totals and in the current second. */
export function loseInFlight(ts: TrafficState, loss: InFlightLoss): TrafficState {
  let out = ts;
  for (const [key, n] of Object.entries(loss) as [LostAs, number][]) {
    if (n <= 0) continue;
    const last = out.window[out.window.length - 1];
    const window: SecondBucket[] = last ? [...out.window.slice(0, -1), reclassify(last, n, key)] : [...out.window];
    out = { ...out, totals: reclassify(out.totals, n, key), window };
  }
  return out;
}
