/**
 * Nginx: static paths from disk, the rest proxied to an upstream app server. Follows Nginx's
 * defaults: `proxy_next_upstream error timeout` (a failed connection moves on to the next
 * upstream, even for a POST, because nothing was sent yet; an upstream that accepted the request
 * and then sent nothing within `proxy_read_timeout` is left for the next one too, except for a
 * POST, LOCK or PATCH), implicit `max_fails=1 fail_timeout=10s` for upstream groups of several
 * servers, 60 s time-outs, and 502 / 504 pages with the error-log line that explains them. An
 * upstream that closes the connection without answering (Gunicorn killing a worker at its own
 * 30 s `--timeout`) is an `error`, not a `timeout`: 502, long before proxy_read_timeout.
 */
import type { AppServer, Ms, WebServer } from '../model/types.js';
import { handleApp } from './app-server.js';
import { crossFirewalls } from './firewall-hops.js';
import { NGINX_CONNECT_TIMEOUT_LOG, NGINX_NO_LIVE, NGINX_PREMATURE_CLOSE_LOG, NGINX_READ_TIMEOUT_LOG, NGINX_REFUSED_LOG, NGINX_UNREACHABLE_LOG, nginxPage } from './messages.js';
import { connect, failureTime, hopResult, isError, isHung } from './reality.js';
import { DISK_MS, LAN_MS, NGINX_CONNECT_TIMEOUT, NGINX_FAIL_TIMEOUT, NGINX_READ_TIMEOUT } from './timings.js';
import { topologyIndex } from './topology-index.js';
import { hop, isNonIdempotent, late, log, markUpstream, moveUpstreamPosition, upstreamMarks, upstreamPosition, type Answer, type Exchange, type HttpRequest } from './exchange.js';

function page(web: WebServer, at: Ms, status: 404 | 502 | 504): Answer {
  const reason = { 404: 'Not Found', 502: 'Bad Gateway', 504: 'Gateway Time-out' }[status];
  return { at, status, reason, body: nginxPage(status, reason), origin: web.id, servedBy: web.id };
}

/** The upstreams in the order Nginx will try them: round robin, skipping those marked failed. */
function candidates(ex: Exchange, web: WebServer): readonly AppServer[] {
  const apps = topologyIndex(ex.state.topology).upstreamsOf(web);
  // A lone server is never marked failed: Nginx only skips peers when it has others to try.
  if (apps.length < 2) return apps;
  const start = upstreamPosition(ex, web.id) % apps.length;
  const ordered = [...apps.slice(start), ...apps.slice(0, start)];
  if (ex.record) moveUpstreamPosition(ex, web.id, start + 1);
  if (!ex.record) {
    // A health check meets Nginx in its steady state, where traffic has already marked a failing
    // or hung upstream (max_fails=1 keeps it out for fail_timeout, and requests arrive far more often).
    const live = ordered.filter((a) => connect(ex.state, web.host ?? null, a, a.port).ok && !isHung(ex.state, a.id));
    return live.length > 0 ? live : ordered;
  }
  const marks = upstreamMarks(ex, web.id);
  return ordered.filter((a) => (marks[a.id] ?? -1) <= ex.state.now);
}

/** Nginx's passive health check (max_fails=1): `app` is skipped for fail_timeout from now. */
function markFailed(ex: Exchange, web: WebServer, app: AppServer, at: Ms): void {
  if (!ex.record || web.upstream.length < 2 || late(ex, at)) return;
  markUpstream(ex, web.id, app.id, ex.state.now + NGINX_FAIL_TIMEOUT);
}

function serveStatic(ex: Exchange, web: WebServer, req: HttpRequest, at: Ms): Answer {
  const done = at + DISK_MS;
  const prefix = web.static.find((p) => req.path.startsWith(p)) ?? '';
  log(ex, done, web.id, 'info', () => `"${req.method} ${req.path} HTTP/1.1" 200 (static: ${prefix} is served from disk)`);
  return { at: done, status: 200, reason: 'OK', body: `(the file ${req.path}, read from disk by ${web.id})`, origin: web.id, servedBy: web.id };
}

function upstreamUrl(ex: Exchange, web: WebServer, app: AppServer, req: HttpRequest): string {
  // The address Nginx was given: loopback for an app server on its own machine, as the generated nginx.conf has it.
  const ip = app.host === undefined ? app.id : app.host === web.host ? '127.0.0.1' : topologyIndex(ex.state.topology).hostIp(app.host);
  return `upstream: "http://${ip}:${app.port}${req.path}"`;
}

/**
 * Proxies to one upstream that accepted the connection; its answer passes through unchanged.
 * Returns when Nginx gives up instead: the upstream closed the connection without an answer (an
 * `error`, 502) or sent nothing within proxy_read_timeout (a `timeout`, 504).
 */
function proxy(ex: Exchange, web: WebServer, app: AppServer, req: HttpRequest, at: Ms, why: string): Answer | { readonly failedAt: Ms; readonly timeout: boolean } {
  const sent = at + LAN_MS;
  crossFirewalls(ex, { from: web.id, fromHost: web.host ?? null, toHost: app.host, port: app.port, protocol: 'HTTP', encrypted: false, at: sent });
  hop(ex, () => ({ at: sent, from: web.id, to: app.id, protocol: 'HTTP', port: app.port, note: `proxy_pass to ${app.id}${why}`, direction: 'request', result: 'ok' }));
  const reply = handleApp(ex, app, req, sent);
  if (reply.silent && reply.closedAt !== null && reply.closedAt - sent <= NGINX_READ_TIMEOUT) {
    const t = reply.closedAt + LAN_MS;
    hop(ex, () => ({ at: t, from: app.id, to: web.id, protocol: 'HTTP', port: app.port, note: `connection closed without a response: ${reply.why}`, direction: 'response', result: 'failed' }));
    log(ex, t, web.id, 'error', () => `${NGINX_PREMATURE_CLOSE_LOG}, ${upstreamUrl(ex, web, app, req)}`);
    return { failedAt: t, timeout: false };
  }
  if (reply.silent) {
    const t = sent + NGINX_READ_TIMEOUT;
    const note = `nothing within proxy_read_timeout ${NGINX_READ_TIMEOUT / 1000} s: ${reply.why}`;
    hop(ex, () => ({ at: t, from: app.id, to: web.id, protocol: 'HTTP', port: app.port, note, direction: 'response', result: 'timeout' }));
    log(ex, t, web.id, 'error', () => `${NGINX_READ_TIMEOUT_LOG}, ${upstreamUrl(ex, web, app, req)}`);
    return { failedAt: t, timeout: true };
  }
  const back = reply.at + LAN_MS;
  hop(ex, () => ({ at: back, from: app.id, to: web.id, protocol: 'HTTP', port: app.port, note: `${reply.status} ${reply.reason}`, direction: 'response', result: reply.status < 500 ? 'ok' : 'failed' }));
  return { ...reply, at: back, servedBy: web.id };
}

/**
 * Handles a request that has reached `web` at `at`. Guaranteed: static paths never touch an
 * upstream; a dynamic request ends in the upstream's answer, or 502 (refused, closed, no live
 * upstreams) or 504 (connect or read time-out) generated by Nginx itself, the status of the last
 * failure deciding, as in `ngx_http_upstream_next()`.
 */
export function handleWeb(ex: Exchange, web: WebServer, req: HttpRequest, at: Ms): Answer {
  if (web.static.some((p) => req.path.startsWith(p))) return serveStatic(ex, web, req, at);
  if (web.upstream.length === 0) return page(web, at + DISK_MS, 404);
  const apps = candidates(ex, web);
  if (apps.length === 0) {
    log(ex, at, web.id, 'error', () => NGINX_NO_LIVE);
    return page(web, at, 502);
  }
  let t = at;
  let timedOut = false;
  let why = web.upstream.length > 1 ? ' (next in turn)' : '';
  for (const app of apps) {
    const conn = connect(ex.state, web.host ?? null, app, app.port);
    if (conn.ok) {
      const r = proxy(ex, web, app, req, t, why);
      if (!('failedAt' in r)) return r;
      t = r.failedAt;
      timedOut = r.timeout;
      markFailed(ex, web, app, t);
      // The request was sent: Nginx passes it on only when sending it twice is harmless.
      if (isNonIdempotent(req)) break;
      why = ` (proxy_next_upstream: ${app.id} ${r.timeout ? 'timed out' : 'closed the connection'})`;
      continue;
    }
    timedOut = !isError(conn.result);
    t = failureTime(conn.result, t, NGINX_CONNECT_TIMEOUT);
    const line = timedOut ? NGINX_CONNECT_TIMEOUT_LOG : conn.result === 'refused' ? NGINX_REFUSED_LOG : NGINX_UNREACHABLE_LOG;
    hop(ex, () => ({ at: t, from: web.id, to: conn.by, protocol: 'HTTP', port: app.port, note: `${conn.why}${timedOut ? ' (no answer within proxy_connect_timeout 60 s)' : ''}`, direction: 'request', result: hopResult(conn.result) }));
    log(ex, t, web.id, 'error', () => `${line}, ${upstreamUrl(ex, web, app, req)}`);
    markFailed(ex, web, app, t);
    why = ` (proxy_next_upstream: ${app.id} failed, nothing was sent yet)`;
  }
  return page(web, t, timedOut ? 504 : 502);
}
