/**
 * The working context of one request (or one HTTP health check) while it crosses the system:
 * the state it reads, the hops and log lines it produces, and the few counters it moves
 * (round-robin positions, Nginx's failed-upstream marks, the browser's DNS cache).
 */
import type { Ms } from '../model/types.js';
import type { DnsCacheEntry, Hop, SimEvent, SimState } from './types.js';

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
}

/** An HTTP answer on its way back, sent at `at` (ms since the request left the browser). */
export interface Reply {
  readonly at: Ms;
  readonly status: number;
  readonly reason: string;
  readonly body: string;
  /** The component that produced the status. */
  readonly origin: string;
  /** The front-line web server that answered, once known. */
  readonly servedBy: string | null;
}

export interface Exchange {
  readonly state: SimState;
  /** False for health checks: nothing is recorded and no counter moves. */
  readonly record: boolean;
  /** Whether hops and log lines are kept (off for replays that only need outcomes). */
  readonly detail: boolean;
  readonly hops: Hop[];
  readonly events: SimEvent[];
  /** Counters this request moved, by LB / web server id (copy-on-write over the state's). */
  readonly rr: Record<string, number>;
  readonly upstreamRr: Record<string, number>;
  readonly upstreamFails: Record<string, Readonly<Record<string, Ms>>>;
  dnsCache: DnsCacheEntry | null;
}

/** A fresh exchange over `state`: a request (`record`, with or without `detail`) or a health check. */
export function openExchange(state: SimState, record: boolean, detail = record): Exchange {
  return { state, record, detail: record && detail, hops: [], events: [], rr: {}, upstreamRr: {}, upstreamFails: {}, dnsCache: state.dnsCache };
}

/** The round-robin position of an LB, as this request sees it. */
export function lbPosition(ex: Exchange, id: string): number {
  return ex.rr[id] ?? ex.state.lbs[id]?.rr ?? 0;
}

/** A web server's round-robin position over its upstreams. */
export function upstreamPosition(ex: Exchange, id: string): number {
  return ex.upstreamRr[id] ?? ex.state.upstreamRr[id] ?? 0;
}

/** Nginx's failed-upstream marks of a web server, as this request sees them. */
export function upstreamMarks(ex: Exchange, id: string): Readonly<Record<string, Ms>> {
  return ex.upstreamFails[id] ?? ex.state.upstreamFails[id] ?? {};
}

/**
 * Records a hop when the exchange keeps details; hops are plaintext unless said otherwise. The
 * hop is built by `make` only then, so replays that only need outcomes skip writing notes.
 */
export function hop(ex: Exchange, make: () => Omit<Hop, 'encrypted'> & { readonly encrypted?: boolean }): void {
  if (!ex.detail) return;
  const h = make();
  ex.hops.push({ ...h, encrypted: h.encrypted ?? false });
}

/** Records a log line of a component, at `at` ms into the request. */
export function log(ex: Exchange, at: Ms, source: string, level: SimEvent['level'], text: () => string): void {
  if (ex.detail) ex.events.push({ at: ex.state.now + at, source, kind: 'log', level, text: text() });
}

/** A request that reads (safe methods) rather than writes. */
export function isRead(req: HttpRequest): boolean {
  return ['GET', 'HEAD', 'OPTIONS'].includes(req.method);
}
