/**
 * Concurrency: how many requests a component works on at once, and for how long each request
 * holds it. A Gunicorn sync worker serves one request at a time (Gunicorn's design notes), so an
 * app server with N workers whose requests hold a worker S seconds serves at most N ÷ S requests
 * per second (Little's law), and a request that hangs holds its worker until `--timeout`. MySQL
 * admits `max_connections` clients at once; HAProxy sends a server at most its `maxconn` when set.
 * Other kinds are event-driven and limited by a rate (`capacity`, requests per second).
 */
import type { Component, LoadBalancer, Ms, Topology } from '../model/types.js';
import { MYSQL_MAX_CONNECTIONS } from './timings.js';
import { topologyIndex } from './topology-index.js';
import type { Trace } from './types.js';

/**
 * The requests `c` works on at once (its slots), or null for a kind limited by rate only. A
 * server behind an HAProxy whose server lines carry `maxconn` gets no more than that at once.
 */
function slotsOf(c: Component, topology: Topology): number | null {
  if (c.kind === 'app-server') return c.workers;
  if (c.kind === 'database') return MYSQL_MAX_CONNECTIONS;
  return queuingLb(topology, c.id)?.maxconn ?? null;
}

/** The load balancer that queues requests for `id` (its server lines carry `maxconn`), if any. */
export function queuingLb(topology: Topology, id: string): LoadBalancer | undefined {
  return topologyIndex(topology).loadBalancers.find((lb) => lb.maxconn !== undefined && lb.backends.includes(id));
}

/**
 * How long the request held each component it reached, from the hop that brought it in to the
 * first response leaving it; a component that never answered is held until the trace ends (its
 * caller gave up or was itself killed). Only components with slots are listed.
 */
export function holdTimes(trace: Trace, topology: Topology): ReadonlyMap<string, Ms> {
  const look = topologyIndex(topology);
  const slotted = (id: string) => {
    const c = look.component(id);
    return c !== undefined && slotsOf(c, topology) !== null;
  };
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
export function utilizationOf(topology: Topology, c: Component, requests: number, busyMs: Ms, windowMs: Ms): number {
  if (windowMs <= 0) return 0;
  const slots = slotsOf(c, topology);
  const bySlots = slots === null ? 0 : busyMs / (windowMs * slots);
  const byRate = c.capacity === undefined ? 0 : (requests * 1000) / (windowMs * c.capacity);
  return Math.max(bySlots, byRate);
}

