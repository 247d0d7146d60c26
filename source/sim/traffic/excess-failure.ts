/**
 * How the excess fails at a saturated component: the status the client gets, who answers it,
 * and after how long, the way the real software fails at that point.
 */
import type { Ms, Topology } from '../../model/types.js';
import { clientOses, defaultClientOs } from '../browser-os.js';
import { MYSQL_TOO_MANY } from '../messages.js';
import { queuingLb } from '../pools.js';
import { HAPROXY_TIMEOUT_CONNECT, HAPROXY_TIMEOUT_QUEUE, HAPROXY_TIMEOUT_SERVER, NGINX_CONNECT_TIMEOUT, RESOLVER_TIMEOUT } from '../timings.js';
import { topologyIndex } from '../topology-index.js';

/** How the excess at one saturated component fails, for the requests of one representative. */
export interface ExcessFailure {
  /** The saturated component. */
  readonly at: string;
  /** The outcome key the client sees: a status (`"504"`) or a client error (`"timeout"`). */
  readonly key: string;
  /** Who answers with that status (null for client-side errors). */
  readonly origin: string | null;
  /** The mechanism, for the log: the queue outlived a proxy's read time-out, too many connections, SYNs dropped, or HAProxy's queue timed out. */
  readonly how: 'read-timeout' | 'too-many-connections' | 'syn-dropped' | 'queue-timeout';
  readonly weight: number;
  /** How long the client waited for that answer. */
  readonly latency: Ms;
}

/** The proxy in front of `index` on the path that gives up first, with its time-out. */
export function firstToGiveUp(topology: Topology, path: readonly string[], index: number): { id: string; kind: string; timeout: Ms } | null {
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
 * - a server behind an HAProxy whose server lines carry `maxconn`: the request waits in HAProxy's
 *   queue; after `timeout queue` HAProxy answers 503 (flags sQ);
 * - a database: MySQL refuses the connection (`ERROR 1040 Too many connections`), the app answers 500;
 * - an app server: its workers are busy and its backlog full, so the request waits until the
 *   first proxy in front gives up: HAProxy's `timeout server` (50 s, 504, flags sH) before
 *   Nginx's `proxy_read_timeout` (60 s, 504);
 * - a web server or load balancer: its accept queue is full and the kernel drops the SYN; the
 *   browser times out (ERR_CONNECTION_TIMED_OUT), HAProxy in front retries and answers 503 (sC).
 */
export function excessFailure(topology: Topology, path: readonly string[], index: number): Omit<ExcessFailure, 'weight'> {
  const look = topologyIndex(topology);
  const c = look.component(path[index] ?? '');
  const at = c?.id ?? '';
  const before = look.component(path[index - 1] ?? '');
  const queuing = c ? queuingLb(topology, c.id) : undefined;
  if (queuing !== undefined && queuing.id === before?.id) return { at, key: '503', origin: queuing.id, how: 'queue-timeout', latency: HAPROXY_TIMEOUT_QUEUE };
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
  return { at, key: 'timeout', origin: null, how: 'syn-dropped', latency: clientOses[defaultClientOs].givesUp };
}

/** The failure in words, e.g. `503 from haproxy-1 after 5 s in its queue (timeout queue, flags sQ)`. */
export function describeExcess(e: Omit<ExcessFailure, 'weight'>): string {
  const after = `after ${e.latency / 1000} s`;
  const who = `${e.key} from ${e.origin ?? 'the browser'}`;
  switch (e.how) {
    case 'queue-timeout':
      return `${who} ${after} in its queue (timeout queue, flags sQ)`;
    case 'read-timeout':
      return `${who} ${after}: every worker of ${e.at} is busy, the request waits in its backlog until then`;
    case 'too-many-connections':
      return `${who}: ${e.at} refuses the connection (${MYSQL_TOO_MANY})`;
    case 'syn-dropped':
      return e.key === 'timeout' ? `a browser time-out ${after}: ${e.at}'s accept queue is full` : `${who} ${after}: ${e.at}'s accept queue is full`;
  }
}
