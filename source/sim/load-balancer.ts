/**
 * HAProxy in front of the web tier: TLS termination, the choice of a server among those it
 * believes UP, connection retries (`retries`, default 3, with a 1 s turn-around after a refusal)
 * and `option redispatch` (off unless configured; when on, the last retry goes to another
 * server). It answers 503 itself when no server is UP or every attempt failed, and 504 when a
 * server sends nothing within `timeout server`: 50 s, shorter than Nginx's 60 s
 * `proxy_read_timeout`, so behind HAProxy a hung app ends in HAProxy's 504 (flags `sH`), not Nginx's.
 */
import type { AppServer, LoadBalancer, Ms, WebServer } from '../model/types.js';
import { handleApp } from './app-server.js';
import { crossFirewalls } from './firewall-hops.js';
import { pickReason, pickServer } from './balance.js';
import { haproxyPage } from './messages.js';
import { connect, failureTime, hopResult, isError } from './reality.js';
import { HAPROXY_TIMEOUT_CONNECT, HAPROXY_TIMEOUT_SERVER, HAPROXY_TURNAROUND, LAN_MS } from './timings.js';
import { topologyIndex } from './topology-index.js';
import { handleWeb } from './web-server.js';
import { hop, lbPosition, log, type Answer, type Exchange, type HttpRequest } from './exchange.js';

function own(lb: LoadBalancer, at: Ms, status: 502 | 503 | 504): Answer {
  const reason = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Time-out' }[status];
  return { at, status, reason, body: haproxyPage(status), origin: lb.id, servedBy: lb.id };
}

/** Whether this LB believes `server` UP (a server it never checked counts as UP). */
function believedUp(ex: Exchange, lb: LoadBalancer, server: string): boolean {
  return ex.state.lbs[lb.id]?.health[server]?.up ?? true;
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

function forward(ex: Exchange, lb: LoadBalancer, server: WebServer | AppServer, req: HttpRequest, at: Ms, note: string): Answer {
  const sent = at + LAN_MS;
  crossFirewalls(ex, { from: lb.id, fromHost: lb.host ?? null, toHost: server.host, port: server.port, protocol: 'HTTP', encrypted: false, at: sent });
  hop(ex, () => ({ at: sent, from: lb.id, to: server.id, protocol: 'HTTP', port: server.port, note, direction: 'request', result: 'ok' }));
  // HAProxy stops waiting at `timeout server`: what happens further down after that never reaches the user.
  const deadline = sent + HAPROXY_TIMEOUT_SERVER;
  const outer = ex.deadline;
  ex.deadline = outer === null ? deadline : Math.min(outer, deadline);
  const reply = server.kind === 'web-server' ? handleWeb(ex, server, req, sent) : handleApp(ex, server, req, sent);
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
    const limit = `timeout server ${HAPROXY_TIMEOUT_SERVER / 1000} s`;
    hop(ex, () => ({ at: deadline, from: server.id, to: lb.id, protocol: 'HTTP', port: server.port, note: `nothing within ${limit}: ${why}; HAProxy gives up`, direction: 'response', result: 'timeout' }));
    log(ex, deadline, lb.id, 'warn', () => `${server.id} sent nothing within ${limit}: 504, termination flags sH`);
    return own(lb, deadline, 504);
  }
  const back = reply.at + LAN_MS;
  hop(ex, () => ({ at: back, from: server.id, to: lb.id, protocol: 'HTTP', port: server.port, note: `${reply.status} ${reply.reason}`, direction: 'response', result: reply.status < 500 ? 'ok' : 'failed' }));
  return { ...reply, at: back, servedBy: reply.servedBy ?? server.id };
}

/**
 * Handles a request that has reached `lb` at `at`. Guaranteed: only servers the LB believes UP
 * are tried; every failed attempt is a hop; the answer is the server's, or HAProxy's own 503/504.
 */
export function handleLb(ex: Exchange, lb: LoadBalancer, req: HttpRequest, at: Ms): Answer {
  const index = topologyIndex(ex.state.topology);
  const first = pickServer(lb, (b) => believedUp(ex, lb, b), lbPosition(ex, lb.id));
  if (!first) {
    log(ex, at, lb.id, 'error', () => `backend has no server available! "${req.method} ${req.path}" 503 <NOSRV>`);
    return own(lb, at, 503);
  }
  if (ex.record) ex.rr[lb.id] = first.rr;
  let t = at;
  let server = first.server;
  const down = ex.detail ? downPhrase(ex, lb) : '';
  const why = ex.detail ? pickReason(lb, first) : '';
  let note = down ? `${why}; ${down}` : why;
  let flags = 'SC';
  for (let attempt = 0; attempt <= lb.retries; attempt++) {
    const last = attempt === lb.retries && attempt > 0;
    if (last && lb.redispatch) {
      const failed = server;
      const other = pickServer(lb, (b) => b !== failed && believedUp(ex, lb, b), lbPosition(ex, lb.id));
      if (other) {
        server = other.server;
        note = `option redispatch: the last retry goes to ${server} instead`;
      }
    }
    const target = index.component(server);
    if (target?.kind !== 'web-server' && target?.kind !== 'app-server') break;
    const conn = connect(ex.state, lb.host ?? null, target, target.port);
    if (conn.ok) return forward(ex, lb, target, req, t, note);
    const error = isError(conn.result);
    flags = error ? 'SC' : 'sC';
    t = failureTime(conn.result, t, HAPROXY_TIMEOUT_CONNECT);
    const left = lb.retries - attempt;
    const next = left === 0 ? 'no retries left' : `retry ${attempt + 1} of ${lb.retries}${error ? ` in ${HAPROXY_TURNAROUND / 1000} s` : ' at once'}`;
    const wait = error ? '' : ` (no answer within timeout connect ${HAPROXY_TIMEOUT_CONNECT / 1000} s)`;
    hop(ex, () => ({ at: t, from: lb.id, to: conn.by, protocol: 'HTTP', port: target.port, note: `${note}; ${conn.why}${wait}; ${next}`, direction: 'request', result: hopResult(conn.result) }));
    if (error && left > 0) t += HAPROXY_TURNAROUND;
    note = `retry ${attempt + 1} to ${server}`;
  }
  log(ex, t, lb.id, 'error', () => `"${req.method} ${req.path}" 503 after ${lb.retries} retries, termination flags ${flags}`);
  return own(lb, t, 503);
}
