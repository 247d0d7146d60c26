/**
 * The simulation's public contract: requests, traces, events, inputs and the engine state.
 * Everything here is plain, serializable data (no Maps, Sets or classes) so that a UI can keep
 * it in an immutable store, compare it, and replay a list of inputs to reach the same state.
 */
import type { Ms, Topology } from '../model/types.js';
import type { ClientOs } from './browser-os.js';

export type { Ms } from '../model/types.js';

/** What the browser sends: an HTTP request, or a bare TCP probe from the internet. */
export type Request = { kind: 'http'; method: string; path: string } | { kind: 'tcp'; ip: string; port: number };

/** What happened to one message on its way from `from` to `to`. */
export type HopResult = 'ok' | 'failed' | 'dropped' | 'refused' | 'timeout';

/** One message of a request or of its response. */
export interface Hop {
  /** When the message arrives (or the failure becomes known), in ms since the request was sent. */
  at: Ms;
  /** Component ids, or a host id when the message meets a machine rather than a program. */
  from: string;
  to: string;
  /** `DNS`, `HTTP`, `HTTPS`, `MySQL`, `TCP`. */
  protocol: string;
  port: number | null;
  encrypted: boolean;
  /** What happened and why, in plain words. */
  note: string;
  direction: 'request' | 'response';
  result: HopResult;
}

/** How a request ended: an HTTP answer, or the error the client saw instead. */
export interface Outcome {
  status: number | null;
  reason: string | null;
  /** The body a browser would show, as the real software sends it. */
  body: string | null;
  /** The client-side error (resolution failure, refused, timed out), when there is no status. */
  error: string | null;
  /** The front-line server that answered (the web server the load balancer picked, the LB itself for its own 503, the component a probe reached). */
  servedBy: string | null;
  /** The component that produced the status (the app for a 500, Nginx for a 502, HAProxy for a 503). */
  origin: string | null;
}

export interface Trace {
  /** The request as typed, e.g. `GET /`. */
  request: string;
  /** The engine clock when the request was sent. */
  sentAt: Ms;
  hops: readonly Hop[];
  outcome: Outcome;
  /** Ms from sending to the outcome. */
  duration: Ms;
}

/** Something that happened on the clock (a health check flipping, a VIP moving, a log line). */
export interface SimEvent {
  at: Ms;
  source: string;
  kind: 'health' | 'vrrp' | 'replication' | 'failure' | 'recovery' | 'log';
  level: 'info' | 'warn' | 'error';
  text: string;
}

export type SimInput =
  | { type: 'fail'; id: string }
  | { type: 'heal'; id: string }
  | { type: 'heal-all' }
  | { type: 'advance'; ms: Ms }
  | { type: 'promote'; id: string }
  | { type: 'send'; request: Request }
  /** HAProxy's runtime API `set server web/<server> state maint` (`on`) or `state ready` (`!on`). */
  | { type: 'maintenance'; lb: string; server: string; on: boolean }
  /**
   * An app server or database that stays up and accepts connections but never answers (a
   * deadlock, an exhausted connection pool). `heal` (or `heal-all`) restarts it.
   */
  | { type: 'hang'; id: string };

/** The result of a HAProxy health check, as its stats page names it. */
export type CheckStatus = 'L4OK' | 'L4CON' | 'L4TOUT' | 'L7OK' | 'L7STS' | 'L7TOUT';

/** What one load balancer believes about one backend. */
export interface BackendHealth {
  /** Believed UP (HAProxy's view, not reality). */
  readonly up: boolean;
  /** Consecutive checks that contradict the belief: failures while UP, successes while DOWN. */
  readonly count: number;
  readonly last: CheckStatus | null;
  /** When the next check starts. */
  readonly nextAt: Ms;
  /** A check whose answer is still awaited (a time-out lands `inter` after it started). */
  readonly pending: { readonly at: Ms; readonly status: CheckStatus } | null;
  /** Put in maintenance through the runtime API: believed DOWN, not checked, never chosen. */
  readonly maint: boolean;
}

export interface LbState {
  readonly health: Readonly<Record<string, BackendHealth>>;
  /** Round-robin position: index into the backends list of the next server in turn. */
  readonly rr: number;
}

export interface VipState {
  /** The member that holds the address (it may be dead while its backup waits out the VRRP timer). */
  readonly holder: string | null;
  readonly takeover: { readonly by: string; readonly at: Ms } | null;
  /** The holder's HAProxy is stopped and nothing watches it: it keeps the address (said once). */
  readonly stranded?: boolean;
}

interface DatabaseState {
  readonly readOnly: boolean;
  /** The primary it pulls changes from, or null for a primary. */
  readonly source: string | null;
}

interface ReplicationState {
  readonly primary: string;
  /** When the automatic failover manager will promote a replica, if it has noticed a dead primary. */
  readonly failoverAt: Ms | null;
}

export interface DnsCacheEntry {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  readonly ttl: number;
  readonly expiresAt: Ms;
}

/** The whole engine state. Never mutated: every step returns a new one. */
export interface SimState {
  readonly topology: Topology;
  readonly seed: number;
  /** The browser's operating system: how it retransmits an unanswered SYN. */
  readonly client: ClientOs;
  /** The seeded generator's state. */
  readonly rng: number;
  readonly now: Ms;
  /** Component and host ids that are down, sorted (reality). */
  readonly failed: readonly string[];
  /** App servers and databases that are up but never answer, sorted (reality; see `isHung`). */
  readonly hung: readonly string[];
  readonly lbs: Readonly<Record<string, LbState>>;
  readonly vips: Readonly<Record<string, VipState>>;
  readonly databases: Readonly<Record<string, DatabaseState>>;
  readonly replication: Readonly<Record<string, ReplicationState>>;
  /** Where each app server sends its writes (repointed by a promotion). */
  readonly appWrites: Readonly<Record<string, string | null>>;
  /** Nginx's passive health: per web server, upstream id → the time until which it is skipped (max_fails=1, fail_timeout=10s). */
  readonly upstreamFails: Readonly<Record<string, Readonly<Record<string, Ms>>>>;
  /** Each web server's round-robin position over its upstreams. */
  readonly upstreamRr: Readonly<Record<string, number>>;
  /** The answer cached by the browser's recursive resolver (its ISP's), kept for the record's TTL. */
  readonly dnsCache: DnsCacheEntry | null;
}

export interface StepResult {
  state: SimState;
  events: readonly SimEvent[];
  trace?: Trace;
}

/** One row of a load balancer's health view (what its stats page would show, plus reality). */
export interface HealthRow {
  readonly backend: string;
  /** What the LB believes. */
  readonly up: boolean;
  /** Whether the backend is really up (it and its host). */
  readonly reallyUp: boolean;
  /** Consecutive checks against the belief, out of `fall` (while UP) or `rise` (while DOWN). */
  readonly count: number;
  readonly of: number;
  /** The last check's status, or `MAINT` while the server is in maintenance (checks paused). */
  readonly last: CheckStatus | 'MAINT' | null;
  /** Ms until the next check starts; 0 in maintenance, where no check is scheduled. */
  readonly nextCheckIn: Ms;
  /** In maintenance (`set server ... state maint`): the LB sends it nothing and does not check it. */
  readonly maint: boolean;
}

/** How much of the site one failure takes down, once the system has settled (DESIGN §6). */
export type Impact = 'outage' | 'writes' | 'partial' | 'degraded' | 'none';

export interface SpofRow {
  readonly id: string;
  readonly kind: 'component' | 'host';
  readonly impact: Impact;
  /** One short phrase from the replay, e.g. `GET / fails: 503 from haproxy-1`. */
  readonly why: string;
}
