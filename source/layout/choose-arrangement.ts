import type { Arrangement } from './types.js';
import type { Spacing } from './size.js';

export interface Candidate {
  readonly arrangement: Arrangement;
  readonly spacing: Spacing;
  /**
   * The index of a later candidate that fits every width this one fits (its boxes, gaps and
   * frames are never wider, and nothing in either wraps to the page but the dense top row, which
   * fits exactly when its widest unit does): when that one is too wide, so is this, unplaced.
   */
  readonly narrower?: number;
}

/**
 * The arrangements to try for a page `width` wide, roomiest first: left to right with tall boxes
 * (wide gaps, then narrow), left to right with flat boxes, dense (host titles with their address,
 * with room for line labels then without, then titles with names only; a row for badges in each
 * frame, then none), top to bottom with tall then flat boxes. The last one wraps every row to the
 * width, so it fits any page.
 */
export function candidates(width: number): readonly Candidate[] {
  const maxLabel = Math.max(3, width - 12);
  const lr = (shape: Spacing['shape'], gapMain: number, innerMain: number): Spacing => ({
    shape,
    direction: 'lr',
    gapMain,
    gapCross: 1,
    innerMain,
    innerCross: 1,
    maxLabel,
  });
  const tb = (shape: Spacing['shape']): Spacing => ({
    shape,
    direction: 'tb',
    gapMain: shape === 'tall' ? 2 : 1,
    gapCross: 3,
    innerMain: shape === 'tall' ? 2 : 1,
    innerCross: 3,
    maxCross: width,
    maxLabel,
  });
  const dense = (detail: 'address' | 'name', gap: number, badgeRow: boolean): Spacing => ({ ...lr('flat', gap, 2), dense: detail, badgeRow });
  return [
    { arrangement: 'left-to-right', spacing: lr('tall', 9, 5), narrower: 1 },
    { arrangement: 'left-to-right', spacing: lr('tall', 6, 4), narrower: 2 },
    { arrangement: 'compact', spacing: lr('flat', 5, 4) },
    { arrangement: 'dense', spacing: dense('address', 8, true), narrower: 4 },
    { arrangement: 'dense', spacing: dense('address', 3, true), narrower: 5 },
    { arrangement: 'dense', spacing: dense('name', 3, true), narrower: 6 },
    { arrangement: 'dense', spacing: dense('name', 3, false) },
    { arrangement: 'top-to-bottom', spacing: tb('tall') },
    { arrangement: 'top-to-bottom', spacing: tb('flat') },
  ];
}

export interface Measured {
  readonly width: number;
  readonly height: number;
}

/**
 * The arrangements worth drawing, best first, as indexes below `count`, measuring (lazily) only
 * as many as it must: with a height, those that fit the page in the given order, then those that
 * fit its width, fewest rows first; without one, those that fit the width and are not absurdly
 * tall next to the lowest (`lowest()`: at most twice its rows plus ten), then the taller ones.
 * Yields nothing when none fits the width.
 */
export function* preferredArrangements(
  count: number,
  measure: (index: number) => Measured,
  width: number,
  height: number | undefined,
  lowest: () => number,
): Generator<number> {
  const good = (m: Measured) => m.width <= width && (height === undefined ? m.height <= 2 * lowest() + 10 : m.height <= height);
  const all = Array.from({ length: count }, (_, i) => i);
  for (const i of all) if (good(measure(i))) yield i;
  const rest = all.filter((i) => measure(i).width <= width && !good(measure(i)));
  if (height !== undefined) rest.sort((a, b) => measure(a).height - measure(b).height || a - b);
  yield* rest;
}
