/**
 * HAProxy in front of the web tier: TLS termination, the choice of a server among those it
 * believes UP, connection retries (`retries`, default 3; a turn-around of min(timeout connect,
 * 1 s) only before a retry on the same server after a connection error) and `option redispatch`
 * (off unless configured; when on, with roundrobin and two servers UP the first retry already
 * goes to the other server, at once). It answers 503 itself when no server is UP or every attempt failed, and 504 when a
 * server sends nothing within `timeout server`: 50 s, shorter than Nginx's 60 s
 * `proxy_read_timeout`, so behind HAProxy a hung app ends in HAProxy's 504 (flags `sH`), not Nginx's.
 */
import type { Component, LoadBalancer, Ms } from '../model/types.js';
import { crossFirewalls } from './firewall-hops.js';
import { pickReason, pickServer } from './balance.js';
import { HAPROXY_BACKEND, haproxyPage } from './messages.js';
import { connect, failureTime, hopResult, isError } from './reality.js';
import { haproxyTurnaround, LAN_MS } from './timings.js';
import { topologyIndex } from './topology-index.js';
import { askBelief } from './watch.js';
import { hop, lbPosition, log, moveLbPosition, serve, takesRequests, type Answer, type Exchange, type HttpRequest } from './exchange.js';

/** A component that listens on a port: one a load balancer can send requests to. */
type Listening = Extract<Component, { port: number }>;

function own(lb: LoadBalancer, at: Ms, status: 502 | 503 | 504): Answer {
  const reason = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Time-out' }[status];
  return { at, status, reason, body: haproxyPage(status), origin: lb.id, servedBy: lb.id };
}

/** Whether this LB believes `server` UP (a server it never checked counts as UP). */
function believedUp(ex: Exchange, lb: LoadBalancer, server: string): boolean {
  const up = ex.state.lbs[lb.id]?.health[server]?.up ?? true;
  askBelief(lb.id, server, up);
  return up;
}

function downReason(ex: Exchange, lb: LoadBalancer, server: string): string {
  const h = ex.state.lbs[lb.id]?.health[server];
  return h?.maint ? `${server} is in maintenance` : `${server} is believed DOWN (last check ${h?.last ?? 'none'})`;
}

/** A phrase about the servers this LB believes DOWN or has in maintenance (the first few), or ''. */
function downPhrase(ex: Exchange, lb: LoadBalancer): string {
  const down = lb.backends.filter((b) => !believedUp(ex, lb, b));
  const shown = down.slice(0, 3).map((b) => downReason(ex, lb, b));
  return [...shown, ...(down.length > 3 ? [`and ${down.length - 3} more`] : [])].join('; ');
}

function forward(ex: Exchange, lb: LoadBalancer, server: Listening, req: HttpRequest, at: Ms, note: string): Answer {
  const sent = at + LAN_MS;
  crossFirewalls(ex, { from: lb.id, fromHost: lb.host ?? null, toHost: server.host, port: server.port, protocol: 'HTTP', encrypted: false, at: sent });
  hop(ex, () => ({ at: sent, from: lb.id, to: server.id, protocol: 'HTTP', port: server.port, note, direction: 'request', result: 'ok' }));
  // HAProxy stops waiting at `timeout server`: what happens further down after that never reaches the user.
  const deadline = sent + lb.timeouts.server;
  const outer = ex.deadline;
  ex.deadline = outer === null ? deadline : Math.min(outer, deadline);
  const reply = serve(ex, server, req, sent);
  // The retry loop below only connects to kinds that take requests.
  if (!reply) throw new Error(`${server.id} takes no requests`);
  ex.deadline = outer;
  if (reply.silent && reply.closedAt !== null && reply.closedAt + LAN_MS <= deadline) {
    // The server closed the connection before any header (a Gunicorn worker killed at --timeout).
    const t = reply.closedAt + LAN_MS;
    hop(ex, () => ({ at: t, from: server.id, to: lb.id, protocol: 'HTTP', port: server.port, note: `connection closed without a response: ${reply.why}`, direction: 'response', result: 'failed' }));
    log(ex, t, lb.id, 'warn', () => `${server.id} closed the connection before any header: 502, termination flags SH`);
    return own(lb, t, 502);
  }
  if (reply.silent || reply.at + LAN_MS > deadline) {
    const why = reply.silent ? reply.why : `${server.id} has not answered yet`;
    const limit = `timeout server ${formatMs(lb.timeouts.server)}`;
    hop(ex, () => ({ at: deadline, from: server.id, to: lb.id, protocol: 'HTTP', port: server.port, note: `nothing within ${limit}: ${why}; HAProxy gives up`, direction: 'response', result: 'timeout' }));
    log(ex, deadline, lb.id, 'warn', () => `${server.id} sent nothing within ${limit}: 504, termination flags sH`);
    return own(lb, deadline, 504);
  }
  const back = reply.at + LAN_MS;
  hop(ex, () => ({ at: back, from: server.id, to: lb.id, protocol: 'HTTP', port: server.port, note: `${reply.status} ${reply.reason}`, direction: 'response', result: reply.status < 500 ? 'ok' : 'failed' }));
  return { ...reply, at: back, servedBy: reply.servedBy ?? server.id };
}

/**
 * Where HAProxy sends retry number `retry` (1, 2, ...) after a failed connection to `failed`:
 * `stream_choose_redispatch()` (include/haproxy/stream.h, v2.6.0 lines 315–350). With `option
 * redispatch` the stream is re-balanced when the server is no longer RUNNING, when the retry is
 * the last one (`redispatch_after` −1: `conn_retries % retries == 0`), or at once when nothing
 * pins the request and the algorithm is roundrobin with more than one active server; the new pick
 * avoids the server that failed (`fwrr_get_next_server(be, srvtoavoid)`). Otherwise: the same server.
 */
function retryTarget(ex: Exchange, lb: LoadBalancer, failed: string, retry: number): { server: string; redispatched: boolean } {
  if (!lb.redispatch) return { server: failed, redispatched: false };
  const active = lb.backends.filter((b) => believedUp(ex, lb, b)).length;
  const last = retry % lb.retries === 0;
  const rrSpread = lb.balance === 'roundrobin' && active > 1;
  if (believedUp(ex, lb, failed) && !last && !rrSpread) return { server: failed, redispatched: false };
  const other = pickServer(lb, (b) => b !== failed && believedUp(ex, lb, b), lbPosition(ex, lb.id));
  if (!other) return { server: failed, redispatched: false };
  if (ex.record) moveLbPosition(ex, lb.id, other.rr);
  return { server: other.server, redispatched: true };
}

/**
 * Whether HAProxy waits its turn-around before the next attempt: only after a connection error
 * (not a connect time-out), and "only when we're retrying on the same server", which the source
 * states as: same server, or an algorithm other than roundrobin, or at most one active server
 * (src/backend.c `back_handle_st_cer()`, v2.6.0 lines 2398–2423).
 */
function waitsBeforeRetry(ex: Exchange, lb: LoadBalancer, error: boolean, redispatched: boolean): boolean {
  if (!error) return false;
  const active = lb.backends.filter((b) => believedUp(ex, lb, b)).length;
  return !redispatched || lb.balance !== 'roundrobin' || active <= 1;
}

/**
 * Handles a request that has reached `lb` at `at`. Guaranteed: only servers the LB believes UP
 * are picked; the first attempt plus at most `retries` retries (the counter is checked before it
 * is incremented: `if (s->conn_retries >= s->max_retries)`, backend.c, fixed by bc6b23813 and
 * backported to 2.6); every failed attempt is a hop; the answer is the server's, or HAProxy's
 * own 503 (`SC` after a refusal, `sC` after a connect time-out, `<NOSRV>` with no server) / 504.
 */
export function handleLb(ex: Exchange, lb: LoadBalancer, req: HttpRequest, at: Ms): Answer {
  const index = topologyIndex(ex.state.topology);
  const first = pickServer(lb, (b) => believedUp(ex, lb, b), lbPosition(ex, lb.id));
  if (!first) {
    log(ex, at, lb.id, 'error', () => `backend ${HAPROXY_BACKEND} has no server available! "${req.method} ${req.path}" 503 <NOSRV>, termination flags SC`);
    return own(lb, at, 503);
  }
  if (ex.record) moveLbPosition(ex, lb.id, first.rr);
  const { connect: connectTimeout } = lb.timeouts;
  const turnaround = haproxyTurnaround(connectTimeout);
  let t = at;
  let server = first.server;
  const down = ex.detail ? downPhrase(ex, lb) : '';
  const why = ex.detail ? pickReason(lb, first) : '';
  let note = down ? `${why}; ${down}` : why;
  let flags = 'SC';
  for (let retry = 0; ; retry++) {
    const target = index.component(server);
    if (!target || !('port' in target) || !takesRequests(ex, target.kind)) break;
    const conn = connect(ex.state, lb.host ?? null, target, target.port);
    if (conn.ok) return forward(ex, lb, target, req, t, note);
    const error = isError(conn.result);
    flags = error ? 'SC' : 'sC';
    t = failureTime(conn.result, t, connectTimeout);
    const wait = error ? '' : ` (no answer within timeout connect ${formatMs(connectTimeout)})`;
    if (retry >= lb.retries) {
      hop(ex, () => ({ at: t, from: lb.id, to: conn.by, protocol: 'HTTP', port: target.port, note: `${note}; ${conn.why}${wait}; no retries left`, direction: 'request', result: hopResult(conn.result) }));
      break;
    }
    const next = retryTarget(ex, lb, server, retry + 1);
    const pause = waitsBeforeRetry(ex, lb, error, next.redispatched);
    const where = next.redispatched ? `option redispatch: retry ${retry + 1} of ${lb.retries} goes to ${next.server}` : `retry ${retry + 1} of ${lb.retries} on ${server}`;
    const when = pause ? ` after the ${formatMs(turnaround)} turn-around` : ' at once';
    hop(ex, () => ({ at: t, from: lb.id, to: conn.by, protocol: 'HTTP', port: target.port, note: `${note}; ${conn.why}${wait}; ${where}${when}`, direction: 'request', result: hopResult(conn.result) }));
    if (pause) t += turnaround;
    server = next.server;
    note = next.redispatched ? `retry ${retry + 1}, redispatched to ${server}` : `retry ${retry + 1} to ${server}`;
  }
  log(ex, t, lb.id, 'error', () => `${HAPROXY_BACKEND}/${server} "${req.method} ${req.path}" 503 after ${lb.retries} retries, termination flags ${flags}`);
  return own(lb, t, 503);
}

function formatMs(ms: Ms): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
