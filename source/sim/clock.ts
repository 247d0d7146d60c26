/**
 * The virtual clock. Nothing fails or heals while it runs, so each server's check result is
 * fixed for the whole run and each server's health evolves on its own: the clock advances every
 * (LB, server) pair independently through its checks (jumping over the stretch where nothing can
 * change any more), then replays the VRRP and failover timers, and reports everything in time
 * order. `settle` stops at the moment the last belief or timer has converged.
 */
import type { LoadBalancer, Ms } from '../model/types.js';
import type { Draft } from './draft.js';
import { applyCheck, checkStatus, flipEvent, passes, timesOut } from './health-checks.js';
import { isDown } from './reality.js';
import { updateReplication } from './replication.js';
import { topologyIndex } from './topology-index.js';
import { updateVips } from './vrrp.js';
import type { BackendHealth, CheckStatus, SimEvent } from './types.js';

interface Flip {
  readonly at: Ms;
  readonly server: string;
  readonly up: boolean;
  readonly status: CheckStatus;
}

/** Whether nothing can change any more for this server: no answer pending, belief agrees, no count. */
function stable(h: BackendHealth, status: CheckStatus): boolean {
  return h.pending === null && h.up === passes(status) && h.count === 0 && h.last === status;
}

/** Runs one server's checks up to `until` (inclusive); returns its health, its flips and when it last changed. */
function advanceServer(lb: LoadBalancer, server: string, start: BackendHealth, status: CheckStatus, until: Ms, from: Ms) {
  const inter = lb.health.inter;
  const flips: Flip[] = [];
  let h = start;
  let changedAt = from;
  for (;;) {
    if (stable(h, status)) {
      if (h.nextAt <= until) h = { ...h, nextAt: h.nextAt + (Math.floor((until - h.nextAt) / inter) + 1) * inter };
      break;
    }
    const due = h.pending !== null && h.pending.at <= h.nextAt ? h.pending.at : h.nextAt;
    if (due > until) break;
    let result: { health: BackendHealth; flipped: boolean };
    if (h.pending !== null && h.pending.at === due) result = applyCheck(lb, { ...h, pending: null }, h.pending.status);
    else if (timesOut(status)) result = { health: { ...h, nextAt: h.nextAt + inter, pending: { at: h.nextAt + inter, status } }, flipped: false };
    else result = applyCheck(lb, { ...h, nextAt: h.nextAt + inter }, status);
    h = result.health;
    if (result.flipped) flips.push({ at: due, server, up: h.up, status });
    if (result.flipped || h.count > 0) changedAt = due;
  }
  return { health: h, flips, changedAt };
}

/** The log lines of one LB's flips, in time order, with the count of servers left UP. */
function flipEvents(lb: LoadBalancer, before: Readonly<Record<string, BackendHealth>>, flips: Flip[]): SimEvent[] {
  let up = lb.backends.filter((b) => before[b]?.up ?? true).length;
  return flips
    .sort((a, b) => a.at - b.at)
    .map((f) => {
      up += f.up ? 1 : -1;
      return flipEvent(lb, f.server, f.up, f.status, f.at, up);
    });
}

function checkLbs(d: Draft, until: Ms, settle: boolean, memo: Map<string, CheckStatus>): { events: SimEvent[]; last: Ms } {
  const events: SimEvent[] = [];
  let last = d.now;
  for (const lb of topologyIndex(d.topology).loadBalancers) {
    const state = d.lbs[lb.id];
    if (!state || isDown(d, lb.id)) continue;
    const before = { ...state.health };
    const flips: Flip[] = [];
    for (const server of lb.backends) {
      const h = state.health[server];
      // A server in maintenance is not checked at all (HAProxy pauses its checks).
      if (!h || h.maint) continue;
      const key = `${lb.id}>${server}`;
      const status = memo.get(key) ?? checkStatus(d, lb, server);
      memo.set(key, status);
      const r = advanceServer(lb, server, h, status, until, d.now);
      if (!settle) state.health[server] = r.health;
      flips.push(...r.flips);
      last = Math.max(last, r.changedAt);
    }
    events.push(...flipEvents(lb, before, flips));
  }
  return { events, last };
}

/** The next VRRP or failover timer, if any. */
function nextTimer(d: Draft): Ms | null {
  let next = Infinity;
  for (const v of Object.values(d.vips)) next = Math.min(next, v.takeover?.at ?? Infinity);
  for (const r of Object.values(d.replication)) next = Math.min(next, r.failoverAt ?? Infinity);
  return next === Infinity ? null : next;
}

/** Fires the VRRP and failover timers due up to `until`; returns their events and the last one's time. */
function runTimers(d: Draft, until: Ms): { events: SimEvent[]; last: Ms } {
  const events: SimEvent[] = [];
  const now = d.now;
  let last = now;
  let previous = -Infinity;
  // A timer that fires and stays due (a promotion that could not happen) must not spin forever.
  for (let t = nextTimer(d); t !== null && t <= until && t > previous; t = nextTimer(d)) {
    previous = t;
    d.now = t;
    updateVips(d, events);
    updateReplication(d, events);
    last = t;
  }
  d.now = now;
  return { events, last };
}

/**
 * Runs the clock on `d` to `until`, or (with `settle`) only as far as the moment everything has
 * converged, never beyond `until`. Pushes what happened onto `events`, in time order.
 */
export function runClock(d: Draft, until: Ms, events: SimEvent[], settle = false): void {
  let end = until;
  const memo = new Map<string, CheckStatus>();
  if (settle) {
    // Timers do not depend on health checks, nor checks on timers: find when each side is done.
    const probe = { ...d, vips: { ...d.vips }, replication: { ...d.replication }, databases: { ...d.databases }, appWrites: { ...d.appWrites } };
    const checks = checkLbs(d, until, true, memo).last;
    const timers = runTimers(probe, until).last;
    end = Math.min(until, Math.max(checks, timers));
  }
  const health = checkLbs(d, end, false, memo).events;
  const timers = runTimers(d, end).events;
  events.push(...[...health, ...timers].sort((a, b) => a.at - b.at));
  d.now = end;
}
