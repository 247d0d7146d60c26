/**
 * What a failure does to the requests already on their way. A browser keeps its connections
 * open between requests (keep-alive); only the requests in flight at that moment are lost: on each
 * link into the dead part, its rate times how long a request waits there for its answer
 * (Little's law). They were counted as served when sent, so they move from their success to
 * how they end. The dead part either resets the connection (its process stopped on a running
 * machine, whose kernel answers the next packet with a reset; or a VIP peer took the address
 * over and knows nothing of the connection) or goes silent (the machine is gone, or a network
 * firewall in front of it died). What the user sees then is decided by whoever sent the request:
 * - the browser: ERR_CONNECTION_RESET, or its retransmits go unanswered until it gives up;
 * - HAProxy: 502 when the server aborts (termination flags SH), 504 at `timeout server`;
 * - Nginx: 502 ("upstream prematurely closed connection"), 504 at `proxy_read_timeout`, except
 *   that a request it may send twice (not a POST) goes to another upstream that is up when the
 *   connection was reset, or, with nothing in front that gives up sooner, when the time-out ends;
 * - the app: a reset is MySQL's error 2013 (lost connection during query), the app's 500; a
 *   silent database holds the worker until Gunicorn kills it at 30 s, and Nginx answers 502.
 * A stopped host firewall passes everything and loses nothing. Idle keep-alive connections cost
 * nothing: the browser silently sends an idempotent request again on a new connection.
 */
import type { Component } from '../../model/types.js';
import { isDown } from '../engine.js';
import { isCutOff } from '../reality.js';
import { NGINX_READ_TIMEOUT } from '../timings.js';
import { topologyIndex } from '../topology-index.js';
import type { SimState } from '../types.js';
import type { CarriedLink, SecondBucket, Tally, TrafficState } from './types.js';

/** How lost requests end: the keys the tallies count them under. */
type LostAs = 'reset' | 'timeout' | '500' | '502' | '504';

/** Requests lost per way they end; absent keys lost none. */
export type InFlightLoss = Partial<Record<LostAs, number>>;

/** How the connections into `c` break once it went down between `before` and `after`; null when they do not. */
function breakOf(before: SimState, after: SimState, c: Component): 'reset' | 'silent' | null {
  if (c.kind === 'firewall') return c.type === 'network' ? 'silent' : null;
  const gone = (s: SimState) => (c.host !== undefined && isDown(s, c.host)) || isCutOff(s, c.id);
  if (gone(before) || !gone(after)) return 'reset';
  const peerTakesOver = after.topology.clusters.some(
    (k) => k.kind === 'vip' && k.members.includes(c.id) && k.members.some((m) => m !== c.id && !isDown(after, m)),
  );
  return peerTakesOver ? 'reset' : 'silent';
}

/** The requests on `link` lost when its far end breaks as `how`, by how they end, as `sender` handles them. */
function lostOn(link: CarriedLink, how: 'reset' | 'silent', sender: Component, after: SimState): InFlightLoss {
  const n = (link.rps * link.heldMs) / 1000;
  const once = (link.onceRps * link.heldMs) / 1000;
  switch (sender.kind) {
    case 'client':
      return how === 'reset' ? { reset: n } : { timeout: n };
    case 'load-balancer':
      return how === 'reset' ? { '502': n } : { '504': n };
    case 'web-server': {
      const spare = sender.upstream.some((id) => id !== link.to && !isDown(after, id) && !isCutOff(after, id));
      // HAProxy in front gives up (timeout server) before proxy_read_timeout ends: no second try then.
      const cutShort = after.topology.components.some((c) => c.kind === 'load-balancer' && c.backends.includes(sender.id) && c.timeouts.server < NGINX_READ_TIMEOUT);
      const retried = spare && (how === 'reset' || !cutShort) ? n - once : 0;
      return how === 'reset' ? { '502': n - retried } : { '504': n - retried };
    }
    case 'app-server':
      return how === 'reset' ? { '500': n } : { '502': n };
    default:
      return {};
  }
}

/** Requests in flight on links into components that are up in `before` and down in `after`. */
export function inFlight(ts: TrafficState, before: SimState, after: SimState): InFlightLoss {
  const index = topologyIndex(after.topology);
  const loss: InFlightLoss = {};
  for (const link of ts.current.links) {
    const c = index.component(link.to);
    const sender = index.component(link.from);
    if (!c || !sender || isDown(after, sender.id) || isDown(before, link.to) || !isDown(after, link.to)) continue;
    const how = breakOf(before, after, c);
    if (!how) continue;
    for (const [as, n] of Object.entries(lostOn(link, how, sender, after)) as [LostAs, number][]) loss[as] = (loss[as] ?? 0) + n;
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
