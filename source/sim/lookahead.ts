/**
 * What the system will look like a little later if nobody does anything: the health checks and
 * the VRRP and failover timers run on. A request that waits (a client retransmitting its SYN)
 * meets that later state, although the request itself never moves the clock.
 */
import { runClock } from './clock.js';
import { draft } from './draft.js';
import type { Ms, SimState, VipState } from './types.js';

const memo = new WeakMap<SimState, Map<Ms, SimState>>();

/** Whether a timer or check could still move a VIP: a takeover is scheduled. */
export function vipsMayMove(state: SimState): boolean {
  return Object.values(state.vips).some((v: VipState) => v.takeover !== null);
}

/**
 * `state` as it will be `ms` later, or `state` itself when `ms` is 0 or no VIP is about to move
 * (then where a connection lands cannot change). Pure; memoized per state and delay.
 */
export function lookahead(state: SimState, ms: Ms): SimState {
  if (ms <= 0 || !vipsMayMove(state)) return state;
  let byDelay = memo.get(state);
  if (!byDelay) memo.set(state, (byDelay = new Map()));
  const hit = byDelay.get(ms);
  if (hit) return hit;
  const d = draft(state);
  runClock(d, state.now + ms, []);
  byDelay.set(ms, d);
  return d;
}
