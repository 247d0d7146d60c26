/**
 * HAProxy's active health checks. Every `inter` the LB opens a connection to each server (and,
 * with `option httpchk`, sends `OPTIONS /` and wants a 2xx or 3xx back). `fall` failures in a
 * row mark a server DOWN, `rise` successes mark it UP again; a check nobody answers fails when
 * its time-out, `inter` itself since `timeout check` is unset, expires.
 */
import type { Component, LoadBalancer, Ms } from '../model/types.js';
import { openExchange, serve, takesRequests, type Exchange } from './exchange.js';
import { handlers } from './handlers.js';
import { HAPROXY_BACKEND } from './messages.js';
import { connect, failureTime, isDown, isError } from './reality.js';
import { topologyIndex } from './topology-index.js';
import type { BackendHealth, CheckStatus, SimEvent, SimState } from './types.js';

export function passes(status: CheckStatus): boolean {
  return status === 'L4OK' || status === 'L7OK';
}

/** Whether a check's answer only arrives when its time-out expires. */
export function timesOut(status: CheckStatus): boolean {
  return status === 'L4TOUT' || status === 'L7TOUT';
}

/** What a check from `lb` to `backendId` would report now, from reality alone. */
export function checkStatus(state: SimState, lb: LoadBalancer, backendId: string): CheckStatus {
  const server = topologyIndex(state.topology).component(backendId);
  const ex = openExchange(state, handlers, false);
  if (!server || !('port' in server) || !takesRequests(ex, server.kind)) return 'L4CON';
  const conn = connect(state, lb.host ?? null, server, server.port);
  if (!conn.ok) {
    // A check gives up after `inter` (no `timeout check`): "No route to host" may come later than that.
    const failsAt = failureTime(conn.result, 0, lb.health.inter);
    return isError(conn.result) && failsAt < lb.health.inter ? 'L4CON' : 'L4TOUT';
  }
  if (lb.health.check === 'tcp') return 'L4OK';
  const reply = askOptions(ex, server);
  // A hung server accepted the connection (a TCP check passes) but never answers the HTTP check.
  if (!reply || reply.silent || reply.at > lb.health.inter) return 'L7TOUT';
  return reply.status < 400 ? 'L7OK' : 'L7STS';
}

/** The request of `option httpchk` (OPTIONS /), as a check sends it. */
function askOptions(ex: Exchange, server: Component) {
  return serve(ex, server, { method: 'OPTIONS', path: '/' }, 0);
}

/** The status line a backend gives the HTTP check now, or null when it gives none (for the DOWN line's `code:`). */
export function checkReply(state: SimState, backendId: string): { status: number; reason: string } | null {
  const server = topologyIndex(state.topology).component(backendId);
  const reply = server && 'port' in server ? askOptions(openExchange(state, handlers, false), server) : undefined;
  return reply && !reply.silent && reply.status !== null ? { status: reply.status, reason: reply.reason ?? '' } : null;
}

const reasons: Record<CheckStatus, string> = {
  L4OK: 'Layer4 check passed',
  L4CON: 'Layer4 connection problem, info: "Connection refused"',
  L4TOUT: 'Layer4 timeout',
  L7OK: 'Layer7 check passed, code: 200',
  L7STS: 'Layer7 wrong status',
  L7TOUT: 'Layer7 timeout',
};

/** Applies one check result to a server's health; `flipped` when it changes between UP and DOWN. */
export function applyCheck(lb: LoadBalancer, h: BackendHealth, status: CheckStatus): { health: BackendHealth; flipped: boolean } {
  const against = passes(status) !== h.up;
  const count = against ? h.count + 1 : 0;
  const flipped = against && count >= (h.up ? lb.health.fall : lb.health.rise);
  return { health: flipped ? { ...h, up: !h.up, count: 0, last: status } : { ...h, count, last: status }, flipped };
}

/** HAProxy's log line for a server changing state, with how many servers remain UP. */
export function flipEvent(lb: LoadBalancer, server: string, up: boolean, status: CheckStatus, at: Ms, left: number, reply: { status: number; reason: string } | null = null): SimEvent {
  const took = timesOut(status) ? lb.health.inter : 0;
  // HAProxy names the status it got: `Layer7 wrong status, code: 502, info: "Bad Gateway"`.
  const reason = status === 'L7STS' && reply ? `Layer7 wrong status, code: ${reply.status}, info: "${reply.reason}"` : reasons[status];
  const text = `Server ${HAPROXY_BACKEND}/${server} is ${up ? 'UP' : 'DOWN'}, reason: ${reason}, check duration: ${took}ms. ${left} active and 0 backup servers ${up ? 'online' : 'left'}.`;
  return { at, source: lb.id, kind: 'health', level: up ? 'info' : left === 0 ? 'error' : 'warn', text };
}

/**
 * The health of every server of `lb` as if it had been checking for a long time (believed state
 * = what a check reports now), with each server's next check at the given phase.
 */
export function settledHealth(state: SimState, lb: LoadBalancer, phase: (i: number) => Ms): Record<string, BackendHealth> {
  const health: Record<string, BackendHealth> = {};
  lb.backends.forEach((b, i) => {
    const status = isDown(state, lb.id) ? null : checkStatus(state, lb, b);
    health[b] = { up: status === null || passes(status), count: 0, last: status, nextAt: state.now + phase(i), pending: null, maint: false };
  });
  return health;
}

/**
 * HAProxy (re)starting: every server starts UP but "going down" (one failed check takes it
 * out), with the first checks spread over one interval. Maintenance set through the runtime
 * API does not survive a restart (it lives in the process, not in haproxy.cfg).
 */
export function restartHealth(lb: LoadBalancer, now: Ms): Record<string, BackendHealth> {
  const health: Record<string, BackendHealth> = {};
  const n = lb.backends.length;
  lb.backends.forEach((b, i) => {
    health[b] = { up: true, count: lb.health.fall - 1, last: null, nextAt: now + Math.floor((lb.health.inter * i) / n), pending: null, maint: false };
  });
  return health;
}
