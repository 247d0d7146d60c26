/**
 * The access-log lines one group of requests leaves on its way: a HAProxy HTTP log line at each
 * load balancer and a combined-format line at each Nginx, with the status each of them saw.
 */
import type { Component, Topology } from '../../model/types.js';
import { topologyIndex } from '../topology-index.js';
import { CLIENT_IP } from '../timings.js';
import type { Trace } from '../types.js';
import { haproxyLine, nginxAccessLine } from './log-format.js';
import { CLIENT_PORT } from './timings.js';
import type { LogLine, LogStream } from './types.js';

/** A line before it is dated and numbered; `template` holds a `{date}` placeholder. */
export interface LineDraft {
  readonly source: string;
  readonly stream: LogStream;
  readonly level: LogLine['level'];
  readonly template: string;
  readonly count: number;
}

/** How a group of requests ended, as the logs along its path record it. */
export interface Passage {
  /** The components it crossed, in order (for a failure, those before the one that failed it). */
  readonly path: readonly string[];
  readonly status: number | null;
  /** The component that produced the status. */
  readonly origin: string | null;
  /** The termination flags of the HAProxy line, when the trace does not tell them. */
  readonly flags?: string;
  readonly latency: number;
  readonly bytes: number;
}

/** The server a load balancer sent the request to, as its log names it. */
function serverOf(topology: Topology, trace: Trace, lb: Component): string {
  const look = topologyIndex(topology);
  const backends = lb.kind === 'load-balancer' ? lb.backends : [];
  const last = [...trace.hops].reverse().find((h) => h.direction === 'request' && h.from === lb.id);
  if (!last) return '<NOSRV>';
  if (backends.includes(last.to)) return last.to;
  // The connection failed at the server's machine or its firewall: name the server it was for.
  return backends.find((b) => look.component(b)?.host === last.to || look.firewallsOf(look.component(b)?.host ?? '').some((f) => f.id === last.to)) ?? last.to;
}

/** HAProxy's termination flags for what the trace shows. */
function flagsOf(trace: Trace, lb: Component): string {
  const fromLb = trace.hops.filter((h) => h.direction === 'request' && h.from === lb.id);
  const last = fromLb[fromLb.length - 1];
  if (!last) return 'SC--';
  if (last.result === 'refused') return 'SC--';
  if (last.result !== 'ok') return 'sC--';
  if (trace.outcome.origin === lb.id && trace.outcome.status === 504) return 'sH--';
  return '----';
}

function level(status: number): LogLine['level'] {
  return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
}

/**
 * The access lines of `count` requests that followed `trace` and ended as `passage` says.
 * A proxy that gave up before the one behind it answered makes that one log 499 (client closed).
 */
export function accessLines(topology: Topology, trace: Trace, passage: Passage, count: number): LineDraft[] {
  const look = topologyIndex(topology);
  const out: LineDraft[] = [];
  if (passage.status === null) return out;
  const originAt = passage.origin === null ? -1 : passage.path.indexOf(passage.origin);
  passage.path.forEach((id, i) => {
    const c = look.component(id);
    if (!c || passage.status === null) return;
    const status = originAt >= 0 && originAt < i ? 499 : passage.status;
    if (c.kind === 'load-balancer') {
      const server = serverOf(topology, trace, c);
      const flags = passage.flags ?? flagsOf(trace, c);
      const text = haproxyLine({ client: `${CLIENT_IP}:${CLIENT_PORT}`, server, total: passage.latency, status, bytes: passage.bytes, flags, request: trace.request });
      out.push({ source: c.id, stream: 'haproxy', level: level(status), template: text, count });
    } else if (c.kind === 'web-server') {
      const before = look.component(passage.path[i - 1] ?? '');
      const remote = before?.kind === 'load-balancer' && before.host !== undefined ? look.hostIp(before.host) : CLIENT_IP;
      out.push({ source: c.id, stream: 'nginx-access', level: level(status), template: nginxAccessLine(remote, trace.request, status, passage.bytes), count });
    }
  });
  return out;
}
