/**
 * The working context of one request (or one HTTP health check) while it crosses the system:
 * the state it reads, the hops and log lines it produces, and the few counters it moves
 * (round-robin positions, Nginx's failed-upstream marks, the browser's DNS cache).
 */
import type { Component, ComponentKind, Ms } from '../model/types.js';
import type { DnsCacheEntry, Hop, LbState, SimEvent, SimState } from './types.js';
import { askCounter, tellMoved, type CounterTable } from './watch.js';

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
}

/** An HTTP answer on its way back, sent at `at` (ms since the request left the browser). */
export interface Answer {
  readonly silent?: false;
  readonly at: Ms;
  readonly status: number;
  readonly reason: string;
  readonly body: string;
  /** The component that produced the status. */
  readonly origin: string;
  /** The front-line web server that answered, once known. */
  readonly servedBy: string | null;
}

/**
 * No answer, ever: the request reached a hung server (or one waiting on a hung database) at `at`.
 * Only the caller's own time-out ends the wait.
 */
interface Silence {
  readonly silent: true;
  readonly at: Ms;
  /** Why nothing comes back, e.g. `app-1 waits on mysql-1, whose queries never return`. */
  readonly why: string;
  /**
   * When the server gives up on its own and closes the connection without an answer (Gunicorn's
   * arbiter killing the silent worker at `--timeout`), or null when it never does.
   */
  readonly closedAt: Ms | null;
}

export type Reply = Answer | Silence;

/** How a component of kind `K` answers a request that reaches it at `at`. */
type Handler<K extends ComponentKind> = (ex: Exchange, c: Extract<Component, { kind: K }>, req: HttpRequest, at: Ms) => Reply;

/** Each kind's handler, or null for a kind no request enters (see sim/handlers.ts). */
export type Handlers = { readonly [K in ComponentKind]: Handler<K> | null };

export interface Exchange {
  /** The system as the request finds it (later than when it was sent, if it waited to connect). */
  readonly state: SimState;
  /** The engine clock when the request was sent: hop and log times count from here. */
  readonly sentAt: Ms;
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
  /**
   * When the caller in front (HAProxy's `timeout server`) stops waiting, or null: what happens
   * after it is never seen by the user, so later hops, log lines and Nginx failure marks are
   * dropped (Nginx sees its client close, logs a 499 and counts no upstream failure).
   */
  deadline: Ms | null;
  /** Who answers a request at each kind of component: passed in, so a handler can hand a request on to any kind without importing the others. */
  readonly handlers: Handlers;
}

/** The counters requests move, as overlays over the state's own (see `withCounters`). */
export type Counters = Pick<Exchange, 'rr' | 'upstreamRr' | 'upstreamFails' | 'dnsCache'>;

/**
 * A fresh exchange over `state`: a request (`record`, with or without `detail`) or a health check.
 * `carried` continues the counters of earlier requests sent on the same state (a replay), whose
 * overlay records it then keeps moving.
 */
export function openExchange(state: SimState, handlers: Handlers, record: boolean, detail = record, carried?: Counters): Exchange {
  const c = carried ?? { rr: {}, upstreamRr: {}, upstreamFails: {}, dnsCache: state.dnsCache };
  return { state, sentAt: state.now, record, detail: record && detail, hops: [], events: [], rr: c.rr, upstreamRr: c.upstreamRr, upstreamFails: c.upstreamFails, dnsCache: c.dnsCache, deadline: null, handlers };
}

/** Whether requests can enter components of `kind`. */
export const takesRequests = (ex: Exchange, kind: ComponentKind): boolean => ex.handlers[kind] !== null;

/** `c`'s answer to `req` arriving at `at`, by its kind's handler; null when no request enters such a component. */
export function serve(ex: Exchange, c: Component, req: HttpRequest, at: Ms): Reply | null {
  const handler = ex.handlers[c.kind] as Handler<typeof c.kind> | null;
  return handler ? handler(ex, c as never, req, at) : null;
}

/**
 * `state` with the counters some requests moved (round-robin positions, Nginx's failure marks,
 * the DNS cache); `state` itself when they moved none. Never mutates `state`.
 */
export function withCounters(state: SimState, counters: Counters): SimState {
  let lbs = state.lbs;
  for (const id in counters.rr) {
    const lb = lbs[id];
    const rr = counters.rr[id];
    if (!lb || rr === undefined || rr === lb.rr) continue;
    if (lbs === state.lbs) lbs = { ...state.lbs };
    (lbs as Record<string, LbState>)[id] = { health: lb.health, rr };
  }
  const upstreamRr = isEmpty(counters.upstreamRr) ? state.upstreamRr : { ...state.upstreamRr, ...counters.upstreamRr };
  const upstreamFails = isEmpty(counters.upstreamFails) ? state.upstreamFails : { ...state.upstreamFails, ...counters.upstreamFails };
  const dnsCache = counters.dnsCache;
  if (lbs === state.lbs && upstreamRr === state.upstreamRr && upstreamFails === state.upstreamFails && dnsCache === state.dnsCache) return state;
  return { ...state, lbs, upstreamRr, upstreamFails, dnsCache };
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

/** A counter cell as requests sent on `state` with the overlay `c` see it: the overlay's value, or the state's. */
export function counterValue(c: Counters, state: SimState, table: CounterTable, id: string): unknown {
  switch (table) {
    case 'rr':
      return c.rr[id] ?? state.lbs[id]?.rr ?? 0;
    case 'up':
      return c.upstreamRr[id] ?? state.upstreamRr[id] ?? 0;
    case 'fails':
      return c.upstreamFails[id] ?? state.upstreamFails[id] ?? {};
    case 'dns':
      return c.dnsCache;
  }
}

/** Sets a counter cell in the overlay `c` (a value `counterValue` could have given). */
export function setCounter(c: Counters, table: CounterTable, id: string, value: unknown): void {
  if (table === 'rr') c.rr[id] = value as number;
  else if (table === 'up') c.upstreamRr[id] = value as number;
  else if (table === 'fails') c.upstreamFails[id] = value as Record<string, Ms>;
  else c.dnsCache = value as DnsCacheEntry | null;
}

function read(ex: Exchange, table: CounterTable, id: string): unknown {
  const value = counterValue(ex, ex.state, table, id);
  askCounter(table, id, value);
  return value;
}

/** The round-robin position of an LB, as this request sees it. */
export function lbPosition(ex: Exchange, id: string): number {
  return read(ex, 'rr', id) as number;
}

/** A web server's round-robin position over its upstreams. */
export function upstreamPosition(ex: Exchange, id: string): number {
  return read(ex, 'up', id) as number;
}

/** Nginx's failed-upstream marks of a web server, as this request sees them. */
export function upstreamMarks(ex: Exchange, id: string): Readonly<Record<string, Ms>> {
  return read(ex, 'fails', id) as Readonly<Record<string, Ms>>;
}

/*
 * The counters' setters report the cell as moved, which counts as asking about it: a request
 * that moves a counter always counts as one that asked about it, which replay-reuse.ts relies on.
 */

/** Moves an LB's round-robin position. */
export function moveLbPosition(ex: Exchange, id: string, rr: number): void {
  tellMoved('rr', id);
  ex.rr[id] = rr;
}

/** Moves a web server's round-robin position over its upstreams. */
export function moveUpstreamPosition(ex: Exchange, id: string, position: number): void {
  tellMoved('up', id);
  ex.upstreamRr[id] = position;
}

/** Nginx marks `app` failed on web server `id` until `until`. */
export function markUpstream(ex: Exchange, id: string, app: string, until: Ms): void {
  const marks = upstreamMarks(ex, id);
  tellMoved('fails', id);
  ex.upstreamFails[id] = { ...marks, [app]: until };
}

/** Puts an answer in the browser's resolver cache. */
export function cacheAnswer(ex: Exchange, entry: DnsCacheEntry): void {
  tellMoved('dns', '');
  ex.dnsCache = entry;
}

/** The answer in the browser's resolver cache, as this request sees it. */
export function cachedAnswer(ex: Exchange): DnsCacheEntry | null {
  return read(ex, 'dns', '') as DnsCacheEntry | null;
}

/**
 * Records a hop when the exchange keeps details; hops are plaintext unless said otherwise. The
 * hop is built by `make` only then, so replays that only need outcomes skip writing notes.
 */
export function hop(ex: Exchange, make: () => Omit<Hop, 'encrypted'> & { readonly encrypted?: boolean }): void {
  if (!ex.detail) return;
  const h = make();
  if (!late(ex, h.at)) ex.hops.push({ ...h, encrypted: h.encrypted ?? false });
}

/** Whether `at` falls after the exchange's deadline, where nothing reaches the user any more. */
export function late(ex: Exchange, at: Ms): boolean {
  return ex.deadline !== null && at > ex.deadline;
}

/** Records a log line of a component, at `at` ms into the request. */
export function log(ex: Exchange, at: Ms, source: string, level: SimEvent['level'], text: () => string): void {
  if (ex.detail && !late(ex, at)) ex.events.push({ at: ex.sentAt + at, source, kind: 'log', level, text: text() });
}

/**
 * A request Nginx will not send to a second upstream once the first has it (POST, LOCK, PATCH:
 * `proxy_next_upstream` leaves them out unless `non_idempotent` is set).
 */
export function isNonIdempotent(req: HttpRequest): boolean {
  return ['POST', 'LOCK', 'PATCH'].includes(req.method);
}

/** A request that reads (safe methods) rather than writes. */
export function isRead(req: HttpRequest): boolean {
  return ['GET', 'HEAD', 'OPTIONS'].includes(req.method);
}
