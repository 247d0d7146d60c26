import type { Ms } from '../../model/types.js';

const units: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

/**
 * Parses what a user types for `advance`: `500ms`, `10s`, `1.5s`, `2m`, or a bare number of
 * seconds. Returns whole virtual milliseconds, or undefined when the text is not a positive
 * duration (zero would advance nothing and is refused too).
 */
export function parseDuration(text: string): Ms | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim().toLowerCase());
  if (!match?.[1]) return undefined;
  const ms = Math.round(Number(match[1]) * (units[match[2] ?? 's'] ?? 1000));
  return ms > 0 ? ms : undefined;
}

/** A duration for people: `800ms`, `5s`, `12.5s`, `2m 5s`. */
export function formatDuration(ms: Ms): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes}m` : `${minutes}m ${seconds}s`;
}
