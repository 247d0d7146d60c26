/**
 * The request mix: how offered load splits into static files, dynamic reads and writes, and how
 * many whole requests of each class one tick sends (fractions carry over, so over any run the
 * counts add up to exactly qps × time).
 */
import type { Request } from '../types.js';
import type { Mix, RequestClass } from './types.js';

export const requestClassNames: readonly RequestClass[] = ['static', 'read', 'write'];

/** The request each class stands for (the presets of the step mode). */
export const classRequest: Readonly<Record<RequestClass, Request>> = {
  static: { kind: 'http', method: 'GET', path: '/static/logo.png' },
  read: { kind: 'http', method: 'GET', path: '/' },
  write: { kind: 'http', method: 'POST', path: '/signup' },
};

/** `30:50:20`. */
export function formatMix(mix: Mix): string {
  return `${mix.static}:${mix.read}:${mix.write}`;
}

/**
 * Whole requests of each class to send over `ms` at `qps`, and what is owed to the next tick.
 * Guaranteed: the total is the whole part of the exact total owed (so a run sends exactly
 * qps × time, rounded down); the classes share it by largest remainder; each class's carry stays
 * within (-1, 1).
 */
export function classCounts(qps: number, mix: Mix, ms: number, carry: Mix): { counts: Mix; carry: Mix } {
  const total = mix.static + mix.read + mix.write;
  const owed = { static: 0, read: 0, write: 0 };
  for (const name of requestClassNames) owed[name] = (total > 0 ? (qps * ms * mix[name]) / (1000 * total) : 0) + carry[name];
  // A tiny epsilon absorbs floating-point dust (0.1 + 0.2) so ten ticks of 0.1 make one request.
  const n = Math.max(0, Math.floor(owed.static + owed.read + owed.write + 1e-9));
  const counts = { static: 0, read: 0, write: 0 };
  for (const name of requestClassNames) counts[name] = Math.max(0, Math.floor(owed[name] + 1e-9));
  let left = n - (counts.static + counts.read + counts.write);
  const byRemainder = [...requestClassNames].sort((a, b) => owed[b] - counts[b] - (owed[a] - counts[a]));
  for (const name of byRemainder) {
    if (left <= 0) break;
    counts[name] += 1;
    left -= 1;
  }
  // A class owed less than nothing (its share was sent early) can leave one request too many.
  for (const name of [...byRemainder].reverse()) {
    if (left >= 0) break;
    if (counts[name] === 0) continue;
    counts[name] -= 1;
    left += 1;
  }
  const next = { static: owed.static - counts.static, read: owed.read - counts.read, write: owed.write - counts.write };
  return { counts, carry: next };
}
