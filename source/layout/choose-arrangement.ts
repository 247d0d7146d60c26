import type { Arrangement } from './types.js';
import type { Spacing } from './size.js';

export interface Candidate {
  readonly arrangement: Arrangement;
  readonly spacing: Spacing;
}

/**
 * The arrangements to try for a page `width` wide, roomiest first: left to right with tall boxes
 * (wide gaps, then narrow), left to right with flat boxes, top to bottom with tall then flat
 * boxes. The last one wraps every row to the width, so it fits any page.
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
  return [
    { arrangement: 'left-to-right', spacing: lr('tall', 9, 5) },
    { arrangement: 'left-to-right', spacing: lr('tall', 6, 4) },
    { arrangement: 'compact', spacing: lr('flat', 5, 4) },
    { arrangement: 'top-to-bottom', spacing: tb('tall') },
    { arrangement: 'top-to-bottom', spacing: tb('flat') },
  ];
}

export interface Measured {
  readonly width: number;
  readonly height: number;
}

/**
 * Picks the arrangement to draw: the first that fits the width (and the height, when one is
 * given); when none fits the height, the one of those fitting the width that needs the fewest
 * rows. Returns the index into `options`, or -1 when none fits the width.
 */
export function chooseArrangement(measured: readonly Measured[], width: number, height: number | undefined): number {
  const fitsWidth = measured.map((m, i) => ({ m, i })).filter(({ m }) => m.width <= width);
  if (fitsWidth.length === 0) return -1;
  const fitsBoth = fitsWidth.find(({ m }) => height === undefined || m.height <= height);
  if (fitsBoth) return fitsBoth.i;
  return fitsWidth.reduce((best, c) => (c.m.height < best.m.height ? c : best)).i;
}
