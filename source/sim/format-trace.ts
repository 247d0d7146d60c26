/**
 * The readable trace: a header (design, request, failures, when), what the clock brought before
 * the request, an aligned hop-by-hop table, the outcome line, the body the browser shows and the
 * log lines the servers wrote. Meant to be pasted into slides: plain text, wrapped to `width`.
 */
import type { Topology } from '../model/types.js';
import { clientOses, type ClientOs } from './browser-os.js';
import { describeOutcome } from './describe-outcome.js';
import { formatMs, table, wrap } from './format-text.js';
import type { Ms, SimEvent, Trace } from './types.js';

export interface TraceReport {
  readonly topology: Topology;
  readonly trace: Trace;
  readonly failed: readonly string[];
  /** Ms between the failures and the request, or null when it was sent once settled. */
  readonly after: Ms | null;
  /** The browser's operating system (how it retransmits a SYN). */
  readonly client: ClientOs;
  /** What happened on the clock before the request (health checks, VRRP, failover). */
  readonly before: readonly SimEvent[];
  /** The log lines the request produced. */
  readonly logs: readonly SimEvent[];
}

export interface TraceFormat {
  readonly width: number;
  readonly ascii: boolean;
}

function when(report: TraceReport): string {
  if (report.failed.length === 0) return `sent at ${formatMs(report.trace.sentAt)}`;
  if (report.after !== null) return `sent ${formatMs(report.after)} after the failure, before the system settled`;
  return `sent once the system settled, ${formatMs(report.trace.sentAt)} after the failure`;
}

function describeClient(client: ClientOs): string {
  const os = clientOses[client];
  const again = os.sends.slice(1).map((ms) => formatMs(ms).replace(' s', '')).join(', ');
  return `a browser on ${os.label}: an unanswered SYN is sent again at ${again} s, then it gives up at ${formatMs(os.givesUp)}`;
}

function events(title: string, list: readonly SimEvent[], width: number, since: Ms): string[] {
  if (list.length === 0) return [];
  const rows = list.map((e) => [formatMs(e.at - since), e.source, e.text]);
  return ['', title, ...table(['time', 'source', 'what'], rows, width).map((l) => `  ${l}`)];
}

/** The whole readable report, lines joined with newlines and ending with one. */
export function formatTrace(report: TraceReport, format: TraceFormat): string {
  const { trace, topology } = report;
  const arrow = format.ascii ? '->' : '→';
  const lock = (encrypted: boolean) => (encrypted ? (format.ascii ? 'TLS' : '🔒') : format.ascii ? '--' : 'plain');
  const rows = trace.hops.map((h) => [
    formatMs(h.at),
    `${h.from} ${arrow} ${h.to}`,
    `${h.protocol}${h.port === null ? '' : `/${h.port}`}`,
    lock(h.encrypted),
    // A failed response carries its status in the note; anything else that went wrong is named.
    h.result === 'ok' || (h.direction === 'response' && h.result === 'failed') ? h.note : `${h.result.toUpperCase()}: ${h.note}`,
  ]);
  const lines = [
    `${topology.title} (${topology.id})`,
    `request:  ${trace.request}`,
    `failed:   ${report.failed.length === 0 ? 'nothing' : report.failed.join(', ')}`,
    `time:     ${when(report)}`,
    `client:   ${describeClient(report.client)}`,
    ...events('before the request (time since the failure)', report.before, format.width - 2, 0),
    '',
    ...table(['time', 'hop', 'proto', 'sec', 'what happened'], rows, format.width),
    '',
    ...wrap(`outcome:  ${describeOutcome(trace.outcome)} after ${formatMs(trace.duration)}`, format.width),
  ];
  const body = trace.outcome.body;
  if (body) lines.push('body:', ...body.trimEnd().split('\n').map((l) => `  ${l}`));
  lines.push(...events('logged (time since the request was sent)', report.logs, format.width - 2, trace.sentAt));
  return `${lines.join('\n')}\n`;
}
