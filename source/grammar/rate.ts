import { InputError } from './input-error.js';
import { limits } from './limits.js';

/**
 * An offered load as typed: requests per second, a whole or decimal number from 0 to the
 * limit (`0.5` is one request every two seconds). Throws an InputError otherwise.
 */
export function parseRate(text: string): number {
  const typed = text.trim();
  const qps = /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : NaN;
  if (Number.isNaN(qps) || qps > limits.qps) {
    throw new InputError(`"${text}" is not a rate: write requests per second from 0 to ${limits.qps}, e.g. 500`);
  }
  return qps;
}

/** A whole number of times from 1 to `max`, e.g. `--count 3`. */
export function parseCount(text: string, max: number = limits.count): number {
  const typed = text.trim();
  const n = /^\d+$/.test(typed) ? Number(typed) : NaN;
  if (!(n >= 1 && n <= max)) throw new InputError(`"${text}" is not a count: write a whole number from 1 to ${max}`);
  return n;
}
