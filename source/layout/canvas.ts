import { lineGlyph, toAscii, type Weight } from './ascii.js';
import type { Span, Style, StyledLine } from './types.js';

/** Direction bits of a cell's lines. */
export const UP = 1;
export const RIGHT = 2;
export const DOWN = 4;
export const LEFT = 8;
/** Bits by direction index (0 up, 1 right, 2 down, 3 left). */
export const bitOf = [UP, RIGHT, DOWN, LEFT] as const;

const weights: readonly Weight[] = ['light', 'heavy', 'double', 'rounded', 'dashed'];

/** When two things share a cell, the style that says more wins. */
const rank: Record<Style, number> = {
  plain: 0,
  frame: 1,
  muted: 2,
  label: 3,
  plaintext: 4,
  encrypted: 5,
  badge: 6,
  mark: 7,
  focus: 8,
  selected: 9,
  'believed-down': 10,
  failed: 11,
  path: 12,
  active: 13,
};

/**
 * A character grid being drawn: each cell holds either text or line bits with a weight, and a
 * style. Lines merge (a crossing becomes `┼`), text replaces lines. Writes outside are ignored.
 */
export interface Canvas {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
  readonly weight: Uint8Array;
  readonly text: (string | undefined)[];
  readonly style: Style[];
}

export function createCanvas(width: number, height: number): Canvas {
  const size = width * height;
  return { width, height, bits: new Uint8Array(size), weight: new Uint8Array(size), text: new Array<string | undefined>(size).fill(undefined), style: new Array<Style>(size).fill('plain') };
}

const index = (c: Canvas, x: number, y: number) => (x >= 0 && y >= 0 && x < c.width && y < c.height ? y * c.width + x : -1);

function restyle(c: Canvas, i: number, style: Style): void {
  if (rank[style] >= rank[c.style[i] ?? 'plain']) c.style[i] = style;
}

/**
 * Adds line bits to a cell. The first weight drawn in a cell stays (a junction keeps its box's
 * look), except for the active hop, whose heavy line shows through everywhere.
 */
export function line(c: Canvas, x: number, y: number, bits: number, weight: Weight, style: Style): void {
  const i = index(c, x, y);
  if (i < 0) return;
  if (c.text[i] !== undefined) return;
  if ((c.bits[i] ?? 0) === 0 || style === 'active') c.weight[i] = weights.indexOf(weight);
  c.bits[i] = (c.bits[i] ?? 0) | bits;
  restyle(c, i, style);
}

/** Writes text from (x, y) rightwards, one character per cell, replacing what was there. */
export function text(c: Canvas, x: number, y: number, value: string, style: Style): void {
  let k = 0;
  for (const char of value) {
    const i = index(c, x + k, y);
    k += 1;
    if (i < 0) continue;
    c.text[i] = char;
    c.bits[i] = 0;
    c.style[i] = style;
  }
}

/** Empties a rectangle (the inside of a box). */
export function clear(c: Canvas, x: number, y: number, width: number, height: number): void {
  for (let yy = y; yy < y + height; yy++) {
    for (let xx = x; xx < x + width; xx++) {
      const i = index(c, xx, yy);
      if (i < 0) continue;
      c.text[i] = undefined;
      c.bits[i] = 0;
      c.style[i] = 'plain';
    }
  }
}

/**
 * Draws a rectangle's border and empties its inside. Lines already crossing the border merge
 * with it, but never reach inside: a frame edge passing under a box becomes `┴`, not `┼`.
 */
export function box(c: Canvas, x: number, y: number, width: number, height: number, weight: Weight, style: Style): void {
  const right = x + width - 1;
  const bottom = y + height - 1;
  clear(c, x + 1, y + 1, width - 2, height - 2);
  for (let xx = x; xx <= right; xx++) {
    for (const yy of height > 1 ? [y, bottom] : [y]) {
      const i = index(c, xx, yy);
      if (i < 0) continue;
      const inward = yy === y && height > 1 ? DOWN : UP;
      if (xx > x && xx < right) c.bits[i] = (c.bits[i] ?? 0) & ~inward;
      c.weight[i] = weights.indexOf(weight);
      const ends = (xx > x ? LEFT : 0) | (xx < right ? RIGHT : 0);
      const side = xx === x || xx === right ? (yy === y ? DOWN : UP) : 0;
      c.bits[i] = (c.bits[i] ?? 0) | ends | side;
      c.text[i] = undefined;
      c.style[i] = style;
    }
  }
  for (let yy = y + 1; yy < bottom; yy++) {
    for (const [xx, inward] of [[x, RIGHT], [right, LEFT]] as const) {
      const i = index(c, xx, yy);
      if (i < 0) continue;
      c.bits[i] = ((c.bits[i] ?? 0) & ~inward) | UP | DOWN;
      c.weight[i] = weights.indexOf(weight);
      c.text[i] = undefined;
      c.style[i] = style;
    }
  }
}

/** Whether a cell is empty (no text, no line). */
export function isBlank(c: Canvas, x: number, y: number): boolean {
  const i = index(c, x, y);
  return i >= 0 && c.text[i] === undefined && (c.bits[i] ?? 0) === 0;
}

/** The canvas as styled lines: adjacent cells of one style become one span; trailing blanks are dropped. */
export function toStyledLines(c: Canvas, ascii: boolean): StyledLine[] {
  const lines: StyledLine[] = [];
  for (let y = 0; y < c.height; y++) {
    const spans: Span[] = [];
    let last = -1;
    for (let x = 0; x < c.width; x++) if (!isBlank(c, x, y)) last = x;
    for (let x = 0; x <= last; x++) {
      const i = y * c.width + x;
      const raw = c.text[i] ?? lineGlyph(c.bits[i] ?? 0, weights[c.weight[i] ?? 0] ?? 'light', ascii);
      const char = ascii ? toAscii(raw) : raw;
      const style = char === ' ' ? 'plain' : (c.style[i] ?? 'plain');
      const prev = spans[spans.length - 1];
      if (prev && prev.style === style) spans[spans.length - 1] = { text: prev.text + char, style };
      else spans.push({ text: char, style });
    }
    lines.push(spans);
  }
  return lines;
}
