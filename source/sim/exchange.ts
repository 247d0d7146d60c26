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
  readonly hops: Hop[];
  readonly events: SimEvent[];
  readonly rr: Record<string, number>;
  readonly upstreamRr: Record<string, number>;
  readonly upstreamFails: Record<string, Record<string, Ms>>;
  dnsCache: DnsCacheEntry | null;
}

/** A fresh exchange over `state`. */
export function openExchange(state: SimState, record: boolean): Exchange {
  const rr: Record<string, number> = {};
  for (const [id, lb] of Object.entries(state.lbs)) rr[id] = lb.rr;
  return {
    state,
    record,
    hops: [],
    events: [],
    rr,
    upstreamRr: { ...state.upstreamRr },
    upstreamFails: { ...state.upstreamFails },
    dnsCache: state.dnsCache,
  };
}

/** Records a hop (not for health checks); hops are plaintext unless said otherwise. */
export function hop(ex: Exchange, h: Omit<Hop, 'encrypted'> & { readonly encrypted?: boolean }): void {
  if (ex.record) ex.hops.push({ ...h, encrypted: h.encrypted ?? false });
}

/** Records a log line of a component, at `at` ms into the request. */
export function log(ex: Exchange, at: Ms, source: string, level: SimEvent['level'], text: string): void {
  if (ex.record) ex.events.push({ at: ex.state.now + at, source, kind: 'log', level, text });
}

/** A request that reads (safe methods) rather than writes. */
export function isRead(req: HttpRequest): boolean {
  return ['GET', 'HEAD', 'OPTIONS'].includes(req.method);
}
