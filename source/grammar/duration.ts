import { durationMs } from '../model/defaults.js';
import type { Ms } from '../model/types.js';
import { InputError } from './input-error.js';

/** What a duration may be, for one use: at least `min` ms (0 or 1) and at most `max` ms. */
export interface DurationBounds {
  readonly min: 0 | 1;
  readonly max: Ms;
}

const FORM = 'write a number and a unit, e.g. 500ms, 3s, 2m or 1h';

/**
 * A duration as typed (`500ms`, `3s`, `1.5m`, `1h`) in whole virtual milliseconds. The unit is
 * required everywhere (a bare `3` could mean seconds or milliseconds). Throws an InputError
 * for anything else, for zero where it means nothing, and above the bound.
 */
export function parseDuration(text: string, bounds: DurationBounds): Ms {
  const typed = text.trim();
  let ms: number;
  try {
    ms = durationMs(typed);
  } catch {
    const bare = /^\d+(\.\d+)?$/.test(typed) ? `: a bare number needs a unit (${typed}s?); ` : ': ';
    throw new InputError(`"${text}" is not a duration${bare}${FORM}`);
  }
  if (ms < bounds.min) throw new InputError(`"${text}" is no time at all: ${FORM}`);
  if (ms > bounds.max) throw new InputError(`${typed} is too long: at most ${formatDuration(bounds.max)}`);
  return ms;
}

/** A duration for people: `800ms`, `5s`, `12.5s`, `2m 5s`, `1h`, `1h 30m`. */
export function formatDuration(ms: Ms): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  if (ms < 3_600_000) {
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return seconds === 0 ? `${minutes}m` : `${minutes}m ${seconds}s`;
  }
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.round((ms % 3_600_000) / 60_000);
  return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
}
