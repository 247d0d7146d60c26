/**
 * The event log: a ring buffer of at most LOG_CAPACITY lines, sampled so that heavy traffic
 * writes one line per distinct event per tick (errors) or per second (normal access lines),
 * with the number of requests it stands for.
 */
import type { Ms, SimEvent } from '../types.js';
import type { LineDraft } from './access-log.js';
import { stampLine } from './log-format.js';
import { LOG_CAPACITY } from './timings.js';
import type { LogLine, LogStream, PendingLine } from './types.js';

export interface LogState {
  readonly log: readonly LogLine[];
  readonly nextSeq: number;
  readonly pendingAccess: readonly PendingLine[];
}

const keyOf = (d: LineDraft) => `${d.stream}|${d.source}|${d.template}`;

/** Normal access lines wait for the end of their second; everything else is written at once. */
function sampledPerSecond(d: LineDraft): boolean {
  return d.level === 'info' && (d.stream === 'haproxy' || d.stream === 'nginx-access');
}

function merge(into: Map<string, PendingLine>, d: LineDraft, at: Ms): void {
  const key = keyOf(d);
  const hit = into.get(key);
  if (hit) into.set(key, { key, line: { ...hit.line, count: hit.line.count + d.count } });
  else into.set(key, { key, line: { at, source: d.source, stream: d.stream, level: d.level, text: stampLine(d.template, d.stream, at), count: d.count } });
}

function append(state: LogState, lines: readonly Omit<LogLine, 'seq'>[]): { log: LogLine[]; nextSeq: number; written: LogLine[] } {
  let seq = state.nextSeq;
  const written: LogLine[] = [];
  for (const l of lines) {
    const count = Math.round(l.count);
    if (count < 1) continue;
    written.push({ ...l, count, seq: seq++ });
  }
  if (written.length === 0) return { log: state.log as LogLine[], nextSeq: seq, written };
  const all = [...state.log, ...written];
  return { log: all.length > LOG_CAPACITY ? all.slice(all.length - LOG_CAPACITY) : all, nextSeq: seq, written };
}

/**
 * Writes one tick's lines at `at`: errors merged by text and written now, normal access lines
 * merged into the second in progress. Returns the new log state and the lines written.
 */
export function writeLines(state: LogState, drafts: readonly LineDraft[], at: Ms): { state: LogState; written: LogLine[] } {
  const now = new Map<string, PendingLine>();
  const pending = new Map(state.pendingAccess.map((p) => [p.key, p]));
  for (const d of drafts) merge(sampledPerSecond(d) ? pending : now, d, at);
  const r = append(state, [...now.values()].map((p) => p.line));
  return { state: { log: r.log, nextSeq: r.nextSeq, pendingAccess: [...pending.values()] }, written: r.written };
}

/** Writes the sampled access lines of the second that just ended. */
export function flushSecond(state: LogState): { state: LogState; written: LogLine[] } {
  if (state.pendingAccess.length === 0) return { state, written: [] };
  const r = append({ ...state, pendingAccess: [] }, state.pendingAccess.map((p) => p.line));
  return { state: { log: r.log, nextSeq: r.nextSeq, pendingAccess: [] }, written: r.written };
}

const eventStreams: Record<SimEvent['kind'], LogStream> = {
  health: 'haproxy',
  vrrp: 'keepalived',
  replication: 'mysql',
  failure: 'engine',
  recovery: 'engine',
  log: 'engine',
};

/** An engine event (health-check change, VRRP, replication, failure) as a log line. */
export function eventDraft(e: SimEvent): LineDraft {
  return { source: e.source, stream: eventStreams[e.kind], level: e.level, template: e.text, count: 1 };
}

/** Lines whose text, source or stream contains `filter` (case-insensitive); all lines for an empty filter. */
export function filterLog(log: readonly LogLine[], filter: string): LogLine[] {
  const f = filter.trim().toLowerCase();
  if (f === '') return [...log];
  return log.filter((l) => l.text.toLowerCase().includes(f) || l.source.toLowerCase().includes(f) || l.stream.includes(f));
}
