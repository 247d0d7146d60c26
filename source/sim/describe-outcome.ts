/** Short plain-words descriptions of how a request ended, shared by the trace and SPOF tables. */
import type { Outcome, Trace } from './types.js';

/** Whether the browser got what it asked for (a 2xx/3xx answer, or a probe's connection). */
export function succeeded(outcome: Outcome): boolean {
  if (outcome.error !== null) return false;
  return outcome.status === null ? outcome.servedBy !== null : outcome.status < 400;
}

/**
 * What the browser ended up with, without who answered: `503 Service Unavailable`, a probe's
 * `connected to mysql-1`, the error, or `no answer`.
 */
export function outcomeHead(outcome: Outcome): string {
  if (outcome.status !== null) return `${outcome.status} ${outcome.reason ?? ''}`.trim();
  return outcome.error ?? (outcome.servedBy === null ? 'no answer' : `connected to ${outcome.servedBy}`);
}

/**
 * One line: `200 OK served by nginx-2`, `503 Service Unavailable from haproxy-1`,
 * `error: connection timed out (ERR_CONNECTION_TIMED_OUT)`, `connected to mysql-1`.
 */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.error !== null) return `error: ${outcome.error}`;
  const head = outcomeHead(outcome);
  if (outcome.status === null) return head;
  if (outcome.status < 400) return `${head} served by ${outcome.servedBy ?? 'unknown'}`;
  return `${head} from ${outcome.origin ?? outcome.servedBy ?? 'unknown'}`;
}

/** The shortest form, for tables: `503 from haproxy-1`, `connection timed out`. */
export function shortOutcome(trace: Trace): string {
  const o = trace.outcome;
  if (o.error !== null) return o.error.replace(/ \(.*\)$/, '');
  if (o.status === null) return describeOutcome(o);
  return o.status < 400 ? `${o.status} from ${o.servedBy ?? 'unknown'}` : `${o.status} from ${o.origin ?? o.servedBy ?? 'unknown'}`;
}
