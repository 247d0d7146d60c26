import type { Mix } from '../sim/index.js';
import { InputError } from './input-error.js';

/** `static:read:write` shares as typed, e.g. `30:50:20`; throws an InputError for anything else. */
export function parseMix(text: string): Mix {
  const parts = text.trim().split(':');
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  const [s, r, w] = numbers;
  if (numbers.length !== 3 || s === undefined || r === undefined || w === undefined || numbers.some(Number.isNaN)) {
    throw new InputError(`"${text}" is not a mix: write static:read:write shares, e.g. 30:50:20`);
  }
  if (s + r + w <= 0) throw new InputError(`"${text}" is not a mix: at least one share must be above 0`);
  return { static: s, read: r, write: w };
}
