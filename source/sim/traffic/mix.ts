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

/** Parses `static:read:write`, e.g. `30:50:20`; throws a one-line Error for anything else. */
export function parseMix(text: string): Mix {
  const parts = text.trim().split(':');
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  const [s, r, w] = numbers;
  if (numbers.length !== 3 || s === undefined || r === undefined || w === undefined || numbers.some(Number.isNaN)) {
    throw new Error(`bad mix "${text}": expected static:read:write shares, e.g. 30:50:20`);
  }
  if (s + r + w <= 0) throw new Error(`bad mix "${text}": at least one share must be above 0`);
  return { static: s, read: r, write: w };
}

/** `30:50:20`. */
export function formatMix(mix: Mix): string {
  return `${mix.static}:${mix.read}:${mix.write}`;
}

/**
 * Whole requests of each class to send over `ms` at `qps`, and the fractions left over.
 * Guaranteed: counts are non-negative integers; count + new carry = old carry + exact share.
 */
export function classCounts(qps: number, mix: Mix, ms: number, carry: Mix): { counts: Mix; carry: Mix } {
  const total = mix.static + mix.read + mix.write;
  const counts = { static: 0, read: 0, write: 0 };
  const left = { static: 0, read: 0, write: 0 };
  for (const name of requestClassNames) {
    const exact = total > 0 ? (qps * ms * mix[name]) / (1000 * total) + carry[name] : 0;
    // A tiny epsilon absorbs floating-point dust (0.1 + 0.2) so 10 ticks of 0.1 make 1 request.
    counts[name] = Math.floor(exact + 1e-9);
    left[name] = Math.max(0, exact - counts[name]);
  }
  return { counts, carry: left };
}
