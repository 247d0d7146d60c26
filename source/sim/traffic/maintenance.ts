/**
 * HAProxy's maintenance mode, written into the engine state the way the runtime API would set
 * it (`set server web/<srv> state maint`): the LB believes the server DOWN and stops checking
 * it; `state ready` hands it back to the health checks, which must pass `rise` times before it
 * gets requests again.
 */
import type { SimState } from '../types.js';

/** The "next check" of a server in maintenance: never, as long as it stays there. */
export const MAINTENANCE_NEXT_CHECK = Number.MAX_SAFE_INTEGER;

function withHealth(sim: SimState, lb: string, server: string, change: (h: SimState['lbs'][string]['health'][string]) => SimState['lbs'][string]['health'][string]): SimState {
  const state = sim.lbs[lb];
  const h = state?.health[server];
  if (!state || !h) return sim;
  return { ...sim, lbs: { ...sim.lbs, [lb]: { ...state, health: { ...state.health, [server]: change(h) } } } };
}

/** Puts `server` of `lb` in maintenance: believed DOWN, no checks. */
export function enterMaintenance(sim: SimState, lb: string, server: string): SimState {
  return withHealth(sim, lb, server, (h) => ({ ...h, up: false, count: 0, nextAt: MAINTENANCE_NEXT_CHECK, pending: null }));
}

/** Takes `server` out of maintenance: still DOWN, checked from now on. */
export function leaveMaintenance(sim: SimState, lb: string, server: string): SimState {
  return withHealth(sim, lb, server, (h) => (h.nextAt === MAINTENANCE_NEXT_CHECK ? { ...h, up: false, count: 0, nextAt: sim.now } : h));
}

/** Whether `server` of `lb` is in maintenance. */
export function inMaintenance(sim: SimState, lb: string, server: string): boolean {
  return sim.lbs[lb]?.health[server]?.nextAt === MAINTENANCE_NEXT_CHECK;
}
