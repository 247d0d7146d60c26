/**
 * The capacity model. Each component serves `capacity` requests per second; its utilization
 * ρ = load / capacity. Below 1, requests queue as in an M/M/1 queue served at that rate (wait =
 * ρ / (capacity − load)); at or above 1 the queue is full, so the requests that get in wait for
 * the whole queue, and the excess share (1 − 1/ρ) fails the way the real software fails at that
 * point (see `excessFailure`). Load downstream of a saturated component only counts what got
 * through it: loads are computed twice, the second pass with the first pass's losses.
 */
import type { Component, Ms, Topology } from '../../model/types.js';
import { topologyIndex } from '../topology-index.js';
import { BROWSER_CONNECT_TIMEOUT, HAPROXY_TIMEOUT_CONNECT, HAPROXY_TIMEOUT_SERVER, NGINX_CONNECT_TIMEOUT, RESOLVER_TIMEOUT } from '../timings.js';
import type { Representative } from './representatives.js';
import { DEFAULT_QUEUE_LENGTH, QUEUE_LENGTH } from './timings.js';

/** How the excess at one saturated component fails, for the requests of one representative. */
export interface ExcessFailure {
  /** The saturated component. */
  readonly at: string;
  /** The outcome key the client sees: a status (`"504"`) or a client error (`"timeout"`). */
  readonly key: string;
  /** Who answers with that status (null for client-side errors). */
  readonly origin: string | null;
  /** The mechanism, for the log: the queue outlived a proxy's read time-out, too many connections, or SYNs dropped. */
  readonly how: 'read-timeout' | 'too-many-connections' | 'syn-dropped';
  readonly weight: number;
  /** How long the client waited for that answer. */
  readonly latency: Ms;
}

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

function queueWait(c: Component, rho: number): Ms {
  if (c.capacity <= 0) return 0;
  const full = ((QUEUE_LENGTH[c.kind] ?? DEFAULT_QUEUE_LENGTH) / c.capacity) * 1000;
  if (rho >= 1) return full;
  return Math.min(full, (rho / (c.capacity * (1 - rho))) * 1000);
}

/** The proxy in front of `index` on the path that gives up first, with its time-out. */
function firstToGiveUp(topology: Topology, path: readonly string[], index: number): { id: string; kind: string; timeout: Ms } | null {
  const look = topologyIndex(topology);
  let best: { id: string; kind: string; timeout: Ms } | null = null;
  for (let i = index - 1; i >= 0; i--) {
    const c = look.component(path[i] ?? '');
    const timeout = c?.kind === 'load-balancer' ? HAPROXY_TIMEOUT_SERVER : c?.kind === 'web-server' ? NGINX_CONNECT_TIMEOUT : null;
    if (c && timeout !== null && (best === null || timeout <= best.timeout)) best = { id: c.id, kind: c.kind, timeout };
  }
  return best;
}

/**
 * What the client gets for a request that finds `path[index]` saturated:
 * - a database: MySQL refuses the connection (`ERROR 1040 Too many connections`), the app answers 500;
 * - an app server: its workers are busy and its backlog full, so the request waits until the
 *   first proxy in front gives up: HAProxy's `timeout server` (50 s, 504, flags sH) before
 *   Nginx's `proxy_read_timeout` (60 s, 504);
 * - a web server or load balancer: its accept queue is full and the kernel drops the SYN; the
 *   browser times out (ERR_CONNECTION_TIMED_OUT), HAProxy in front retries and answers 503 (sC).
 */
function excessFailure(topology: Topology, path: readonly string[], index: number): Omit<ExcessFailure, 'weight'> {
  const look = topologyIndex(topology);
  const c = look.component(path[index] ?? '');
  const at = c?.id ?? '';
  const before = look.component(path[index - 1] ?? '');
  if (c?.kind === 'database') return { at, key: '500', origin: before?.id ?? null, how: 'too-many-connections', latency: 0 };
  if (c?.kind === 'app-server') {
    const proxy = firstToGiveUp(topology, path, index);
    if (proxy) return { at, key: '504', origin: proxy.id, how: 'read-timeout', latency: proxy.timeout };
  }
  if (c?.kind === 'dns') return { at, key: 'dns', origin: null, how: 'syn-dropped', latency: RESOLVER_TIMEOUT };
  if (before?.kind === 'load-balancer') {
    const tries = ('retries' in before ? before.retries : 0) + 1;
    return { at, key: '503', origin: before.id, how: 'syn-dropped', latency: tries * HAPROXY_TIMEOUT_CONNECT };
  }
  if (before?.kind === 'web-server') return { at, key: '504', origin: before.id, how: 'syn-dropped', latency: NGINX_CONNECT_TIMEOUT };
  return { at, key: 'timeout', origin: null, how: 'syn-dropped', latency: BROWSER_CONNECT_TIMEOUT };
}

function loads(reps: readonly Representative[], pass: (id: string) => number): Record<string, number> {
  const load: Record<string, number> = {};
  for (const rep of reps) {
    let f = rep.weight;
    for (const id of rep.path) {
      load[id] = (load[id] ?? 0) + f;
      f *= pass(id);
    }
  }
  return load;
}

function utilizations(topology: Topology, load: Record<string, number>, ms: Ms): Record<string, number> {
  const look = topologyIndex(topology);
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(load)) {
    const cap = look.component(id)?.capacity ?? 0;
    out[id] = cap > 0 && ms > 0 ? (n * 1000) / (ms * cap) : 0;
  }
  return out;
}

/** Applies capacity to one tick's representatives (`ms` long). Pure; deterministic. */
export function saturate(topology: Topology, reps: readonly Representative[], ms: Ms): Saturation {
  const look = topologyIndex(topology);
  const offered = utilizations(topology, loads(reps, () => 1), ms);
  const pass = (id: string) => Math.min(1, 1 / Math.max(offered[id] ?? 0, 1e-12));
  const load = loads(reps, pass);
  const utilization = utilizations(topology, load, ms);
  const results = reps.map((rep): RepResult => {
    let f = rep.weight;
    let latency = rep.trace.duration;
    const excess: ExcessFailure[] = [];
    rep.path.forEach((id, i) => {
      const rho = utilization[id] ?? 0;
      const c = look.component(id);
      if (c) latency += queueWait(c, rho);
      if (rho <= 1) return;
      const lost = f * (1 - 1 / rho);
      f -= lost;
      const failure = excessFailure(topology, rep.path, i);
      excess.push({ ...failure, weight: lost, latency: failure.latency + latency });
    });
    return { rep, served: f, latency, excess };
  });
  return { load, utilization, results };
}
