/**
 * The virtual clock: processes timed events in order (health checks starting and timing out,
 * VRRP takeovers, automatic database failovers) on a draft. Nothing fails or heals while the
 * clock runs, so each check's result is computed once per run and reused.
 */
import type { Ms } from '../model/types.js';
import type { Draft } from './draft.js';
import { applyCheck, checkStatus, passes, timesOut } from './health-checks.js';
import { isDown } from './reality.js';
import { updateReplication } from './replication.js';
import { topologyIndex } from './topology-index.js';
import { updateVips } from './vrrp.js';
import type { CheckStatus, SimEvent } from './types.js';

/** Check results for one run of the clock, by `lb>server`. */
export type CheckMemo = Map<string, CheckStatus>;

function status(d: Draft, memo: CheckMemo, lbId: string, server: string): CheckStatus {
  const key = `${lbId}>${server}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const lb = topologyIndex(d.topology).component(lbId);
  const s = lb?.kind === 'load-balancer' ? checkStatus(d, lb, server) : 'L4CON';
  memo.set(key, s);
  return s;
}

/** The next time something is due, or null when nothing will ever happen by itself. */
export function nextEventAt(d: Draft): Ms | null {
  let next = Infinity;
  for (const [id, lb] of Object.entries(d.lbs)) {
    if (isDown(d, id)) continue;
    for (const h of Object.values(lb.health)) next = Math.min(next, h.nextAt, h.pending?.at ?? Infinity);
  }
  for (const v of Object.values(d.vips)) next = Math.min(next, v.takeover?.at ?? Infinity);
  for (const r of Object.values(d.replication)) next = Math.min(next, r.failoverAt ?? Infinity);
  return next === Infinity ? null : next;
}

function runChecks(d: Draft, memo: CheckMemo, events: SimEvent[]): void {
  for (const c of d.topology.components) {
    if (c.kind !== 'load-balancer' || isDown(d, c.id)) continue;
    const health = d.lbs[c.id]?.health;
    if (!health) continue;
    for (const server of c.backends) {
      let h = health[server];
      if (!h) continue;
      const upCount = () => c.backends.filter((b) => health[b]?.up).length;
      if (h.pending && h.pending.at <= d.now) {
        const r = applyCheck(c, server, { ...h, pending: null }, h.pending.status, d.now, upCount());
        h = r.health;
        if (r.event) events.push(r.event);
      }
      if (h.nextAt <= d.now) {
        const s = status(d, memo, c.id, server);
        const next = h.nextAt + c.health.inter;
        if (timesOut(s)) h = { ...h, nextAt: next, pending: { at: h.nextAt + c.health.inter, status: s } };
        else {
          const r = applyCheck(c, server, { ...h, nextAt: next }, s, d.now, upCount());
          h = r.health;
          if (r.event) events.push(r.event);
        }
      }
      health[server] = h;
    }
  }
}

/** Processes everything due at `d.now`. */
function processDue(d: Draft, memo: CheckMemo, events: SimEvent[]): void {
  runChecks(d, memo, events);
  updateVips(d, events);
  updateReplication(d, events);
}

/** Whether every belief agrees with reality and no timer is pending. */
export function converged(d: Draft, memo: CheckMemo): boolean {
  for (const c of d.topology.components) {
    if (c.kind !== 'load-balancer' || isDown(d, c.id)) continue;
    const health = d.lbs[c.id]?.health ?? {};
    for (const server of c.backends) {
      if ((health[server]?.up ?? true) !== passes(status(d, memo, c.id, server))) return false;
    }
  }
  if (Object.values(d.vips).some((v) => v.takeover !== null)) return false;
  return Object.values(d.replication).every((r) => r.failoverAt === null);
}

/**
 * Runs the clock to `until` (inclusive), or until `stop` holds before an event; leaves `d.now`
 * at `until` or at the time it stopped.
 */
export function runClock(d: Draft, until: Ms, events: SimEvent[], stop?: (memo: CheckMemo) => boolean): void {
  const memo: CheckMemo = new Map();
  for (;;) {
    if (stop?.(memo)) return;
    const next = nextEventAt(d);
    if (next === null || next > until) break;
    d.now = Math.max(d.now, next);
    processDue(d, memo, events);
  }
  if (!stop) d.now = until;
}
