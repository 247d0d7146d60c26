/**
 * Counting outcomes: per second (a rolling window of WINDOW_SECONDS for sparklines) and over the
 * whole run. Counts may be fractional inside (a representative's share of an overloaded queue);
 * `roundTally` turns them into whole requests that still add up.
 */
import { BROWSER_REFUSED, BROWSER_TIMED_OUT } from '../messages.js';
import type { Ms, Outcome } from '../types.js';
import { WINDOW_SECONDS } from './timings.js';
import type { SecondBucket, Tally } from './types.js';

export const emptyTally: Tally = { sent: 0, ok: 0, failed: 0, byOutcome: {}, latencySum: 0, latencyMax: 0 };

/** The key an outcome is counted under: the status (`"200"`), or the client's error: `"timeout"`, `"refused"`, `"dns"`. */
export function outcomeKey(outcome: Outcome): string {
  if (outcome.status !== null) return String(outcome.status);
  if (outcome.error === BROWSER_TIMED_OUT) return 'timeout';
  if (outcome.error === BROWSER_REFUSED) return 'refused';
  return outcome.error === null ? 'connected' : 'dns';
}

/** Whether requests counted under `key` failed (an error status or no answer at all). */
export function isFailure(key: string): boolean {
  return /^\d+$/.test(key) ? Number(key) >= 400 : key !== 'connected';
}

export interface Counted {
  readonly key: string;
  readonly count: number;
  readonly latency: Ms;
}

/** `tally` plus some counted requests. */
export function addCounts(tally: Tally, counted: readonly Counted[]): Tally {
  let { sent, ok, failed, latencySum, latencyMax } = tally;
  const byOutcome: Record<string, number> = { ...tally.byOutcome };
  for (const c of counted) {
    if (c.count <= 0) continue;
    sent += c.count;
    if (isFailure(c.key)) failed += c.count;
    else ok += c.count;
    byOutcome[c.key] = (byOutcome[c.key] ?? 0) + c.count;
    latencySum += c.latency * c.count;
    latencyMax = Math.max(latencyMax, c.latency);
  }
  return { sent, ok, failed, byOutcome, latencySum, latencyMax };
}

function newBucket(second: number): SecondBucket {
  return { ...emptyTally, second, requests: {}, errors: {}, peak: {} };
}

/**
 * Adds one tick to the window: its outcomes, the requests and errors each component saw and
 * their utilization. Guaranteed: at most WINDOW_SECONDS buckets, the last one for `second`.
 */
export function addToWindow(
  window: readonly SecondBucket[],
  second: number,
  counted: readonly Counted[],
  load: Readonly<Record<string, number>>,
  errors: Readonly<Record<string, number>>,
  utilization: Readonly<Record<string, number>>,
): SecondBucket[] {
  const last = window[window.length - 1];
  const current = last && last.second === second ? last : newBucket(second);
  const requests: Record<string, number> = { ...current.requests };
  const failed: Record<string, number> = { ...current.errors };
  const peak: Record<string, number> = { ...current.peak };
  for (const [id, n] of Object.entries(load)) requests[id] = (requests[id] ?? 0) + n;
  for (const [id, n] of Object.entries(errors)) failed[id] = (failed[id] ?? 0) + n;
  for (const [id, u] of Object.entries(utilization)) peak[id] = Math.max(peak[id] ?? 0, u);
  const bucket: SecondBucket = { ...addCounts(current, counted), second, requests, errors: failed, peak };
  const kept = current === last ? window.slice(0, -1) : [...window];
  kept.push(bucket);
  return kept.length > WINDOW_SECONDS ? kept.slice(kept.length - WINDOW_SECONDS) : kept;
}

/**
 * Whole numbers for a tally: each outcome rounded by largest remainder so they add up to the
 * rounded number sent; ok and failed follow from them.
 */
export function roundTally(t: Tally): { sent: number; ok: number; failed: number; byOutcome: Record<string, number> } {
  const sent = Math.round(t.sent);
  const entries = Object.entries(t.byOutcome).map(([k, v]) => ({ k, floor: Math.floor(v), rest: v - Math.floor(v) }));
  let left = sent - entries.reduce((s, e) => s + e.floor, 0);
  const byRest = [...entries].sort((a, b) => b.rest - a.rest || a.k.localeCompare(b.k));
  for (const e of byRest) {
    if (left <= 0) break;
    e.floor += 1;
    left -= 1;
  }
  const byOutcome: Record<string, number> = {};
  for (const e of [...entries].sort((a, b) => a.k.localeCompare(b.k))) if (e.floor > 0) byOutcome[e.k] = e.floor;
  const failed = Object.entries(byOutcome).reduce((s, [k, v]) => s + (isFailure(k) ? v : 0), 0);
  return { sent, ok: sent - failed, failed, byOutcome };
}
