const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII_LEVELS = ['_', '.', '-', '=', '+', '*', '#', '@'];

/**
 * The newest `width` values as a sparkline, right-aligned (the newest at the right edge, blank
 * on the left until there is history), each scaled against the largest shown: zero is blank, so
 * a quiet error line stays empty and one failed request still shows.
 */
export function sparkline(values: readonly number[], width: number, ascii: boolean): string {
  const levels = ascii ? ASCII_LEVELS : BLOCKS;
  const shown = values.slice(Math.max(0, values.length - width));
  const top = Math.max(0, ...shown);
  const chars = shown.map((v) => (v <= 0 || top <= 0 ? ' ' : (levels[Math.min(levels.length - 1, Math.ceil((v / top) * levels.length) - 1)] ?? ' ')));
  return chars.join('').padStart(Math.max(0, width));
}

/** A count for people: `950`, `1.2k`, `12k`, `1.5M`. */
export function compactNumber(n: number): string {
  const r = Math.round(n);
  if (r < 1_000) return String(r);
  if (r < 10_000) return `${(r / 1_000).toFixed(1)}k`;
  if (r < 1_000_000) return `${Math.round(r / 1_000)}k`;
  return `${(r / 1_000_000).toFixed(1)}M`;
}

/** A share as a whole percentage, or one decimal below 10 % so small error rates do not read as 0. */
export function percent(share: number): string {
  const p = share * 100;
  return p > 0 && p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}
