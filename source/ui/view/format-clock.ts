import type { Ms } from '../../model/types.js';

/** The virtual clock for people: `0.0s`, `12.3s`, `2m 05.0s`. Tenths, because checks run every 2 s. */
export function formatClock(ms: Ms): string {
  const tenths = Math.floor(ms / 100);
  const seconds = (tenths % 600) / 10;
  const minutes = Math.floor(tenths / 600);
  return minutes === 0 ? `${seconds.toFixed(1)}s` : `${minutes}m ${seconds.toFixed(1).padStart(4, '0')}s`;
}
