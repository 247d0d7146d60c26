/**
 * Concurrency: how many requests a component works on at once, and for how long each request
 * holds it. A Gunicorn sync worker serves one request at a time (Gunicorn's design notes), so an
 * app server with N workers whose requests hold a worker S seconds serves at most N ÷ S requests
 * per second (Little's law), and a request that hangs holds its worker until `--timeout`. MySQL
 * admits `max_connections` clients at once. Other kinds are event-driven and limited by a rate
 * (`capacity`, requests per second), not by slots.
 */
import type { Component, Ms } from '../model/types.js';
import { MYSQL_MAX_CONNECTIONS } from './timings.js';
import type { Trace } from './types.js';

/** The requests `c` works on at once (its slots), or null for a kind limited by rate only. */
export function slotsOf(c: Component): number | null {
  if (c.kind === 'app-server') return c.workers;
  if (c.kind === 'database') return MYSQL_MAX_CONNECTIONS;
  return null;
}

/**
 * How long the request held each component it reached, from the hop that brought it in to the
 * first response leaving it; a component that never answered is held until the trace ends (its
 * caller gave up or was itself killed). Only components with slots are listed.
 */
export function holdTimes(trace: Trace, slotted: (id: string) => boolean): ReadonlyMap<string, Ms> {
  const arrived = new Map<string, Ms>();
  const held = new Map<string, Ms>();
  for (const h of trace.hops) {
    if (h.direction === 'request' && h.result === 'ok' && !arrived.has(h.to) && slotted(h.to)) arrived.set(h.to, h.at);
    const since = arrived.get(h.from);
    if (h.direction === 'response' && since !== undefined && !held.has(h.from)) held.set(h.from, h.at - since);
  }
  for (const [id, since] of arrived) if (!held.has(id)) held.set(id, Math.max(0, trace.duration - since));
  return held;
}

/**
 * Utilization ρ of `c` over a window of `windowMs`: for slots, the mean number busy (the
 * requests' total hold time ÷ the window) over the slots; for a rate, the requests over what the
 * rate allows in the window. The larger when both apply (an app server given a `capacity`).
 */
export function utilizationOf(c: Component, requests: number, busyMs: Ms, windowMs: Ms): number {
  if (windowMs <= 0) return 0;
  const slots = slotsOf(c);
  const bySlots = slots === null ? 0 : busyMs / (windowMs * slots);
  const byRate = c.capacity === undefined ? 0 : (requests * 1000) / (windowMs * c.capacity);
  return Math.max(bySlots, byRate);
}
