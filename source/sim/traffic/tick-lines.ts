/**
 * Every log line one tick of traffic writes: access lines for the requests that went through,
 * the error lines the engine recorded for them (Nginx's upstream errors, the app's MySQL errors),
 * firewall drops, and what the excess of a saturated component leaves behind.
 */
import type { Topology } from '../../model/types.js';
import { topologyIndex } from '../topology-index.js';
import { CLIENT_IP } from '../timings.js';
import { MYSQL_TOO_MANY, NGINX_READ_TIMEOUT_LOG } from '../messages.js';
import type { Trace } from '../types.js';
import { accessLines, type LineDraft } from './access-log.js';
import { iptablesLine, nginxErrorLine } from './log-format.js';
import type { ExcessFailure } from './excess-failure.js';
import type { RepResult } from './saturation.js';

/** HAProxy's termination flags for each way the excess fails when HAProxy answers. */
const haproxyFlags: Readonly<Record<ExcessFailure['how'], string>> = {
  'read-timeout': 'sH--',
  'syn-dropped': 'sC--',
  'too-many-connections': 'sC--',
  'queue-timeout': 'sQ--',
};

/** The engine's own log lines for a request: Nginx errors and the app's MySQL errors. */
function engineLines(topology: Topology, trace: Trace, events: RepResult['rep']['events'], count: number): LineDraft[] {
  const look = topologyIndex(topology);
  const out: LineDraft[] = [];
  for (const e of events) {
    if (e.kind !== 'log' || e.level === 'info') continue;
    const kind = look.component(e.source)?.kind;
    if (kind === 'web-server') out.push({ source: e.source, stream: 'nginx-error', level: e.level, template: nginxErrorLine(e.text, trace.request), count });
    // Gunicorn's own lines carry their level ([CRITICAL] WORKER TIMEOUT); the app's errors are [ERROR].
    else if (kind === 'app-server') out.push({ source: e.source, stream: 'app', level: e.level, template: `[{date}] ${/^\[[A-Z]+\] /.test(e.text) ? '' : '[ERROR] '}${e.text}`, count });
  }
  return out;
}

/** An iptables line for each hop a firewall dropped or rejected. */
export function firewallLines(topology: Topology, trace: Trace, count: number): LineDraft[] {
  const look = topologyIndex(topology);
  const out: LineDraft[] = [];
  for (const h of trace.hops) {
    const fw = look.component(h.to);
    if (fw?.kind !== 'firewall' || (h.result !== 'dropped' && h.result !== 'refused') || h.port === null) continue;
    const fromHost = look.component(h.from)?.host;
    const src = fromHost === undefined ? CLIENT_IP : look.hostIp(fromHost);
    const verdict = h.result === 'refused' ? 'REJECT' : 'DROP';
    out.push({ source: fw.id, stream: 'firewall', level: 'warn', template: iptablesLine(verdict, src, look.hostIp(fw.protects), h.port), count });
  }
  return out;
}

function excessLines(topology: Topology, r: RepResult, e: ExcessFailure): LineDraft[] {
  const look = topologyIndex(topology);
  const trace = r.rep.trace;
  const index = r.rep.path.indexOf(e.at);
  const status = /^\d+$/.test(e.key) ? Number(e.key) : null;
  const originKind = e.origin === null ? undefined : look.component(e.origin)?.kind;
  const flags = originKind === 'load-balancer' ? haproxyFlags[e.how] : '----';
  const path = r.rep.path.slice(0, index);
  const out = accessLines(topology, trace, { path, status, origin: e.origin, flags, latency: e.latency, bytes: 0 }, e.weight);
  if (e.how === 'too-many-connections' && e.origin !== null) {
    out.push({ source: e.origin, stream: 'app', level: 'error', template: `[{date}] [ERROR] ${MYSQL_TOO_MANY}`, count: e.weight });
  }
  if (e.how === 'read-timeout' && originKind === 'web-server' && e.origin !== null) {
    out.push({ source: e.origin, stream: 'nginx-error', level: 'error', template: nginxErrorLine(NGINX_READ_TIMEOUT_LOG, trace.request), count: e.weight });
  }
  return out;
}

/** All the lines of one tick's results. */
export function tickLines(topology: Topology, results: readonly RepResult[]): LineDraft[] {
  const out: LineDraft[] = [];
  for (const r of results) {
    const { trace, path, events } = r.rep;
    if (r.served > 0) {
      const o = trace.outcome;
      const passage = { path, status: o.status, origin: o.origin, latency: r.latency, bytes: o.body?.length ?? 0 };
      out.push(...accessLines(topology, trace, passage, r.served), ...engineLines(topology, trace, events, r.served), ...firewallLines(topology, trace, r.served));
    }
    for (const e of r.excess) out.push(...excessLines(topology, r, e));
  }
  return out;
}
