/**
 * HAProxy's maintenance mode, as its runtime API sets it: `set server web/<server> state maint`
 * and `state ready` (management.txt). What HAProxy does is in `srv_set_admin_flag()` and
 * `srv_clr_admin_flag()` of src/server.c:
 * - entering MAINT pauses the server's health checks and takes it out of the rotation at once,
 *   whatever its checks would say;
 * - leaving it re-enables the checks with `health = rise` ("start OK but check immediately"): the
 *   server is UP right away, at the lowest UP health, so its first check runs at once and a single
 *   failed check marks it DOWN again (the same position as `count = fall - 1` here).
 */
import type { LoadBalancer } from '../model/types.js';
import { writableHealth, type Draft } from './draft.js';
import { HAPROXY_BACKEND } from './messages.js';
import { isDown } from './reality.js';
import type { BackendHealth, SimEvent } from './types.js';

function upCount(health: Readonly<Record<string, BackendHealth>>): number {
  return Object.values(health).filter((h) => h.up).length;
}

function enter(d: Draft, lb: LoadBalancer, server: string, h: BackendHealth, events: SimEvent[]): void {
  const health = writableHealth(d, lb.id);
  if (!health) return;
  health[server] = { ...h, up: false, count: 0, pending: null, maint: true };
  const name = `${HAPROXY_BACKEND}/${server}`;
  if (!h.up) {
    events.push({ at: d.now, source: lb.id, kind: 'health', level: 'warn', text: `Server ${name} was DOWN and now enters maintenance.` });
    return;
  }
  const left = upCount(health);
  const text = `Server ${name} is going DOWN for maintenance. ${left} active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.`;
  events.push({ at: d.now, source: lb.id, kind: 'health', level: left === 0 ? 'error' : 'warn', text });
}

function leave(d: Draft, lb: LoadBalancer, server: string, h: BackendHealth, events: SimEvent[]): void {
  const health = writableHealth(d, lb.id);
  if (!health) return;
  health[server] = { ...h, up: true, count: lb.health.fall - 1, nextAt: d.now, pending: null, maint: false };
  events.push({ at: d.now, source: lb.id, kind: 'health', level: 'info', text: `Server ${HAPROXY_BACKEND}/${server} is UP/READY (leaving forced maintenance).` });
}

/**
 * Puts `server` of `lb` in maintenance (`on`) or takes it out, on the draft, with HAProxy's log
 * line; returns whether anything changed. Nothing does when the server is already in the asked
 * state (nothing is logged) or when `lb` is down (an error line says so: a dead HAProxy has no
 * runtime API to answer).
 */
export function setMaintenance(d: Draft, lb: LoadBalancer, server: string, on: boolean, events: SimEvent[]): boolean {
  const h = d.lbs[lb.id]?.health[server];
  if (!h || h.maint === on) return false;
  if (isDown(d, lb.id)) {
    events.push({ at: d.now, source: lb.id, kind: 'log', level: 'error', text: `${lb.id} is down: its runtime API socket does not answer, nothing changes` });
    return false;
  }
  if (on) enter(d, lb, server, h, events);
  else leave(d, lb, server, h, events);
  return true;
}
