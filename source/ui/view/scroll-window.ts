import type { AppState, ScrollSpot, ScrollTarget } from '../state/app-state.js';

/** What a scrolling panel drew: the rows of its content and how many it had room for. */
export interface ScrollMetrics {
  /** Names the content; a new content starts at its default place. */
  readonly key: string;
  readonly total: number;
  readonly room: number;
  /** Which end shows by default: the first rows, or the newest (`tail`). */
  readonly keep: 'head' | 'tail';
  /** A row the default window must show (the hop that failed). */
  readonly anchor?: number;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

/**
 * The first row shown. Guaranteed between 0 and `total - room`: a stored place for this content
 * is honoured as far as the content still allows; otherwise the default end, moved just enough
 * to show the anchor row.
 */
export function windowStart(m: ScrollMetrics, spot: ScrollSpot | undefined): number {
  const max = Math.max(0, m.total - m.room);
  if (spot && spot.key === m.key) return clamp(m.keep === 'tail' ? max - spot.offset : spot.offset, max);
  const start = m.keep === 'tail' ? max : 0;
  if (m.anchor === undefined || (m.anchor >= start && m.anchor < start + m.room)) return start;
  return clamp(m.anchor < start ? m.anchor : m.anchor - m.room + 1, max);
}

/** The place after moving the window `rows` down (negative: up), stored against the content's key. */
export function scrolledSpot(m: ScrollMetrics, spot: ScrollSpot | undefined, rows: number): ScrollSpot {
  const max = Math.max(0, m.total - m.room);
  const start = clamp(windowStart(m, spot) + rows, max);
  return { key: m.key, offset: m.keep === 'tail' ? max - start : start };
}

/** "lines 5–12 of 30", or '' when everything shows. */
export function positionLabel(start: number, shown: number, total: number): string {
  return shown >= total ? '' : `lines ${start + 1}–${start + shown} of ${total}`;
}

/** Modes whose panel is for reading: there ↑↓ and j/k scroll it instead of moving the selection. */
export function isReading(state: Pick<AppState, 'overlay' | 'design'>): boolean {
  if (state.overlay === 'help') return true;
  const d = state.design;
  return d !== null && (d.mode !== 'explore' || d.view !== 'main' || d.inspector === 'config');
}

/** The panel the scroll keys move now: help while it is open, the inspector while it is the one picked, else the main panel. */
export function scrollTarget(state: Pick<AppState, 'overlay' | 'design'>): ScrollTarget {
  if (state.overlay === 'help') return 'help';
  const d = state.design;
  if (!d || d.view !== 'main') return 'main';
  return d.inspector === 'config' || d.panel === 'inspector' ? 'inspector' : 'main';
}

/** How a panel's overflow is reached from here: the keys that scroll it, or how to make it the one they scroll. */
export function scrollKeysFor(state: Pick<AppState, 'overlay' | 'design'>, target: ScrollTarget, arrows: string): string {
  if (scrollTarget(state) === target) return isReading(state) ? arrows : 'PgUp/PgDn';
  return target === 'inspector' ? 'i: scroll' : 'Esc: scroll';
}
