/**
 * The capacity model. A component with slots (an app server's Gunicorn workers, MySQL's
 * connections) is as busy as the time its requests hold a slot, over its slots (Little's law:
 * a hung database holds every worker for Gunicorn's 30 s time-out and stalls the tier); an
 * event-driven one serves `capacity` requests per second. Its utilization ρ is the larger of the
 * two. Below 1, requests queue as in an M/M/1 queue (wait = ρ / (capacity − load)); at or above 1
 * the queue is full, so the requests that get in wait for the whole queue (never longer than the
 * proxy in front waits), and the excess share (1 − 1/ρ) fails the way the real software fails at
 * that point (see `excessFailure`). Load downstream of a saturated component only counts what
 * got through it: loads are computed twice, the second pass with the first pass's losses.
 */
import { kindSpecs } from '../../model/kinds.js';
import type { Component, Ms, Topology } from '../../model/types.js';
import type { Trace } from '../types.js';
import { holdTimes, utilizationOf } from '../pools.js';
import { topologyIndex } from '../topology-index.js';
import { BROWSER_RESPONSE_TIMEOUT } from '../timings.js';
import type { Representative } from './representatives.js';
import { excessFailure, firstToGiveUp, type ExcessFailure } from './excess-failure.js';

export interface RepResult {
  readonly rep: Representative;
  /** Requests of this representative that got through every queue (then met the engine's outcome). */
  readonly served: number;
  /** Their latency: the engine's duration plus the queueing on the way. */
  readonly latency: Ms;
  readonly excess: readonly ExcessFailure[];
}

export interface Saturation {
  /** Requests that reached each component during the tick. */
  readonly load: Readonly<Record<string, number>>;
  readonly utilization: Readonly<Record<string, number>>;
  readonly results: readonly RepResult[];
}

/**
 * The wait in `c`'s queue at utilization ρ, where it serves `capacity` requests per second; never
 * longer than `limit`, when the caller in front stops waiting.
 */
function queueWait(c: Component, rho: number, capacity: number, limit: Ms): Ms {
  if (!(capacity > 0) || rho <= 0) return 0;
  const full = (kindSpecs[c.kind].backlog / capacity) * 1000;
  const wait = rho >= 1 ? full : Math.min(full, (rho / (capacity * (1 - rho))) * 1000);
  return Math.min(wait, limit);
}

interface Loads {
  /** Requests that reached each component. */
  readonly count: Record<string, number>;
  /** Their total time holding one of its slots (worker, connection), for the kinds that have slots. */
  readonly busy: Record<string, number>;
}

/** When the request reached `id`, in ms since it was sent (the first hop that brought it there). */
function arrivalAt(trace: Trace, id: string): Ms {
  return trace.hops.find((h) => h.direction === 'request' && h.result === 'ok' && h.to === id)?.at ?? 0;
}

function loads(reps: readonly Representative[], holds: readonly ReadonlyMap<string, Ms>[], pass: (id: string) => number): Loads {
  const count: Record<string, number> = {};
  const busy: Record<string, number> = {};
  reps.forEach((rep, i) => {
    let f = rep.weight;
    for (const id of rep.path) {
      count[id] = (count[id] ?? 0) + f;
      const hold = holds[i]?.get(id);
      if (hold !== undefined) busy[id] = (busy[id] ?? 0) + f * hold;
      f *= pass(id);
    }
  });
  return { count, busy };
}

function utilizations(topology: Topology, load: Loads, ms: Ms): Record<string, number> {
  const look = topologyIndex(topology);
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(load.count)) {
    const c = look.component(id);
    out[id] = c ? utilizationOf(topology, c, n, load.busy[id] ?? 0, ms) : 0;
  }
  return out;
}

/** Applies capacity to one tick's representatives (`ms` long). Pure; deterministic. */
export function saturate(topology: Topology, reps: readonly Representative[], ms: Ms): Saturation {
  const look = topologyIndex(topology);
  const holds = reps.map((rep) => holdTimes(rep.trace, topology));
  const offered = utilizations(topology, loads(reps, holds, () => 1), ms);
  const pass = (id: string) => Math.min(1, 1 / Math.max(offered[id] ?? 0, 1e-12));
  const load = loads(reps, holds, pass);
  const utilization = utilizations(topology, load, ms);
  const results = reps.map((rep): RepResult => {
    let f = rep.weight;
    let latency = rep.trace.duration;
    // Queueing met on the way, before the component in hand.
    let queued = 0;
    const excess: ExcessFailure[] = [];
    rep.path.forEach((id, i) => {
      const rho = utilization[id] ?? 0;
      const c = look.component(id);
      // What it serves per second: the requests that reached it, over its utilization.
      const capacity = rho > 0 ? (load.count[id] ?? 0) * (1000 / ms) / rho : 0;
      const giver = firstToGiveUp(topology, rep.path, i);
      const wait = c ? queueWait(c, rho, capacity, giver?.timeout ?? BROWSER_RESPONSE_TIMEOUT) : 0;
      latency += wait;
      // How what fails here fails, from where it met the queue: on its way there, then the failure's own wait.
      const failure = rho > 1 || wait > 0 ? excessFailure(topology, rep.path, i) : null;
      const arrived = failure ? arrivalAt(rep.trace, id) : 0;
      if (failure && rho > 1) {
        const lost = f * (1 - 1 / rho);
        f -= lost;
        excess.push({ ...failure, weight: lost, latency: arrived + queued + failure.latency });
      }
      // A request that got in still times out if its wait and its own answer outlast the proxy in
      // front (a hung database: 30 s to Gunicorn's kill after up to 60 s queued is past Nginx's 60 s).
      if (failure?.how === 'read-timeout' && giver && f > 0 && wait + rep.trace.duration - arrived > giver.timeout) {
        excess.push({ ...failure, weight: f, latency: arrived + queued + failure.latency });
        f = 0;
      }
      queued += wait;
    });
    return { rep, served: f, latency, excess };
  });
  return { load: load.count, utilization, results };
}
