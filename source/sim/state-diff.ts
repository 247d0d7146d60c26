/** How two states of the same system differ, for work that is reused from one to the other. */
import { downSet } from './reality.js';
import type { SimState } from './types.js';

/**
 * Whether two plain values (numbers, strings, booleans, null, arrays and plain objects, as the
 * engine state is made of) are equal throughout. The same object is equal at once, which makes
 * states that share most of their parts cheap to compare.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => k in y && sameData(x[k], y[k]));
}

/** Whether two states differ in nothing but what is down (the failed list). */
export function sameButDown(a: SimState, b: SimState): boolean {
  if (a === b) return true;
  if (a.topology !== b.topology) return false;
  const { failed: _a, topology: _ta, ...restA } = a;
  const { failed: _b, topology: _tb, ...restB } = b;
  return sameData(restA, restB);
}

/** The ids down in one state and not in the other. */
export function changedDown(a: SimState, b: SimState): string[] {
  const x = downSet(a);
  const y = downSet(b);
  return [...[...x].filter((id) => !y.has(id)), ...[...y].filter((id) => !x.has(id))];
}

/** Whether any of `ids` is in `asked`. */
export function asksAbout(asked: ReadonlySet<string>, ids: Iterable<string>): boolean {
  for (const id of ids) if (asked.has(id)) return true;
  return false;
}
