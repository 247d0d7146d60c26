/**
 * The virtual clock. Nothing fails or heals while it runs, so each server's check result is
 * fixed for the whole run and each server's health evolves on its own: the clock advances every
 * (LB, server) pair independently through its checks (jumping over the stretch where nothing can
 * change any more), then replays the VRRP and failover timers, and reports everything in time
 * order. `settle` stops at the moment the last belief or timer has converged.
 */
import type { LoadBalancer, Ms } from '../model/types.js';
import { draft, writableHealth, type Draft } from './draft.js';
import { applyCheck, checkReply, checkStatus, flipEvent, passes, timesOut } from './health-checks.js';
import { isDown } from './reality.js';
import { updateReplication } from './replication.js';
import { topologyIndex } from './topology-index.js';
import { updateVips } from './vrrp.js';
import { asksAbout, changedDown, sameButDown } from './state-diff.js';
import type { BackendHealth, CheckStatus, SimEvent, SimState } from './types.js';
import { watch } from './watch.js';

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

/** `h` with another next check (spelled out: the hottest copy of a settle). */
function withNextAt(h: BackendHealth, nextAt: Ms): BackendHealth {
  return { up: h.up, count: h.count, last: h.last, nextAt, pending: h.pending, maint: h.maint };
}

/**
 * Runs one server's checks up to `until` (inclusive), pushing its flips onto `flips`; returns its
 * health and when it last changed. A server whose belief already matches its checks only has its
 * next check moved past `until`.
 */
function advanceServer(lb: LoadBalancer, server: string, start: BackendHealth, status: CheckStatus, until: Ms, from: Ms, flips: Flip[]) {
  const inter = lb.health.inter;
  // HAProxy schedules the next check `inter` after the last one ended (src/check.c), and a check
  // nobody answers ends only when its time-out, `inter` itself, expires: one every 2 × inter.
  const period = timesOut(status) ? 2 * inter : inter;
  let h = start;
  let changedAt = from;
  for (;;) {
    if (stable(h, status)) {
      if (h.nextAt <= until) h = withNextAt(h, h.nextAt + (Math.floor((until - h.nextAt) / period) + 1) * period);
      break;
    }
    const due = h.pending !== null && h.pending.at <= h.nextAt ? h.pending.at : h.nextAt;
    if (due > until) break;
    let result: { health: BackendHealth; flipped: boolean };
    // A check still waiting for an answer when the server came back gets it (its SYN is sent again
    // within the time-out): it passes, never fails late against a server that is up.
    if (h.pending !== null && h.pending.at === due) result = applyCheck(lb, { ...h, pending: null }, passes(status) ? status : h.pending.status);
    else if (timesOut(status)) result = { health: { ...h, nextAt: h.nextAt + period, pending: { at: h.nextAt + inter, status } }, flipped: false };
    else result = applyCheck(lb, { ...h, nextAt: h.nextAt + inter }, status);
    h = result.health;
    if (result.flipped) flips.push({ at: due, server, up: h.up, status });
    if (result.flipped || h.count > 0) changedAt = due;
  }
  return { health: h, changedAt };
}

/** The log lines of one LB's flips, in time order, with the count of servers left UP (`up` before the first). */
function flipEvents(d: Draft, lb: LoadBalancer, up: number, flips: Flip[]): SimEvent[] {
  let left = up;
  return flips
    .sort((a, b) => a.at - b.at)
    .map((f) => {
      left += f.up ? 1 : -1;
      return flipEvent(lb, f.server, f.up, f.status, f.at, left, f.status === 'L7STS' ? checkReply(d, f.server) : null);
    });
}

/** What each server's check reports, per LB (by backend index), worked out once per clock run. */
type StatusMemo = Map<string, (CheckStatus | undefined)[]>;

/** Check results worked out on one state, each with the ids whose down-ness it asked for. */
export interface KnownChecks {
  readonly state: SimState;
  /** By LB id, then backend index. */
  readonly statuses: ReadonlyMap<string, readonly { readonly status: CheckStatus; readonly down: ReadonlySet<string> }[]>;
}

// Set only while `withKnownChecks` runs (never across a pause of its caller).
let known: KnownChecks | null = null;

/** Every check of `state`, with what it asked: for `withKnownChecks`. */
export function knownChecks(state: SimState): KnownChecks {
  const statuses = new Map(topologyIndex(state.topology).loadBalancers.map((lb) => [lb.id, lb.backends.map((b) => {
    const { result, asked } = watch(() => checkStatus(state, lb, b));
    return { status: result, down: asked.down };
  })]));
  return { state, statuses };
}

/**
 * Runs `run` with the checks of `k` at hand: a clock run on a state that differs from `k.state`
 * only in what is down takes a check's result from there when the check asked about none of it
 * (it would find the same), instead of checking again.
 */
export function withKnownChecks<T>(k: KnownChecks, run: () => T): T {
  const outer = known;
  known = k;
  try {
    return run();
  } finally {
    known = outer;
  }
}

/** The ids down here and not in the known state (or the other way), or null when the known checks do not apply. */
function knownDiffer(d: Draft): string[] | null {
  return known && sameButDown(known.state, d) ? changedDown(known.state, d) : null;
}

function statusOf(d: Draft, lb: LoadBalancer, i: number, memo: StatusMemo, differ: readonly string[] | null): CheckStatus {
  let list = memo.get(lb.id);
  if (!list) memo.set(lb.id, (list = []));
  const k = differ ? known?.statuses.get(lb.id)?.[i] : undefined;
  return (list[i] ??= k && !asksAbout(k.down, differ ?? []) ? k.status : checkStatus(d, lb, lb.backends[i] as string));
}

function checkLbs(d: Draft, until: Ms, settle: boolean, memo: StatusMemo, differ: readonly string[] | null): { events: SimEvent[]; last: Ms } {
  const events: SimEvent[] = [];
  let last = d.now;
  for (const lb of topologyIndex(d.topology).loadBalancers) {
    const state = d.lbs[lb.id];
    if (!state || isDown(d, lb.id)) continue;
    let up = 0;
    const flips: Flip[] = [];
    let health: Record<string, BackendHealth> | undefined;
    lb.backends.forEach((server, i) => {
      const h = state.health[server];
      if (h?.up ?? true) up++;
      // A server in maintenance is not checked at all (HAProxy pauses its checks).
      if (!h || h.maint) return;
      const status = statusOf(d, lb, i, memo, differ);
      // Looking for the end only: a server with nothing left to change does not move it.
      if (settle && stable(h, status)) return;
      const r = advanceServer(lb, server, h, status, until, d.now, flips);
      if (!settle && r.health !== h) (health ??= writableHealth(d, lb.id) ?? {})[server] = r.health;
      last = Math.max(last, r.changedAt);
    });
    if (!settle && flips.length > 0) events.push(...flipEvents(d, lb, up, flips));
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
  const memo: StatusMemo = new Map();
  const differ = knownDiffer(d);
  if (settle) {
    // Timers do not depend on health checks, nor checks on timers: find when each side is done.
    const probe = draft(d);
    const checks = checkLbs(d, until, true, memo, differ).last;
    const timers = runTimers(probe, until).last;
    end = Math.min(until, Math.max(checks, timers));
  }
  const health = checkLbs(d, end, false, memo, differ).events;
  const timers = runTimers(d, end).events;
  events.push(...[...health, ...timers].sort((a, b) => a.at - b.at));
  d.now = end;
}
