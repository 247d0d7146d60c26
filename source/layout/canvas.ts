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

/** Styles by index, for the canvas's byte-per-cell style plane. */
const styles: readonly Style[] = Object.keys(rank) as Style[];
const styleIndex = new Map(styles.map((st, i) => [st, i]));
const PLAIN = styleIndex.get('plain') ?? 0;

/**
 * A character grid being drawn: each cell holds either text or line bits with a weight, and a
 * style. Lines merge (a crossing becomes `┼`), text replaces lines. Writes outside are ignored.
 * Cells are typed arrays (text as a code point, 0 for none; style as an index), since the app
 * redraws the whole canvas on every frame.
 */
export interface Canvas {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
  readonly weight: Uint8Array;
  readonly text: Uint32Array;
  readonly style: Uint8Array;
}

export function createCanvas(width: number, height: number): Canvas {
  const size = width * height;
  return { width, height, bits: new Uint8Array(size), weight: new Uint8Array(size), text: new Uint32Array(size), style: new Uint8Array(size).fill(PLAIN) };
}

const index = (c: Canvas, x: number, y: number) => (x >= 0 && y >= 0 && x < c.width && y < c.height ? y * c.width + x : -1);

function restyle(c: Canvas, i: number, style: Style): void {
  if (rank[style] >= rank[styles[c.style[i] ?? PLAIN] ?? 'plain']) c.style[i] = styleIndex.get(style) ?? PLAIN;
}

/**
 * Adds line bits to a cell. The first weight drawn in a cell stays (a junction keeps its box's
 * look), except for the active hop, whose heavy line shows through everywhere.
 */
export function line(c: Canvas, x: number, y: number, bits: number, weight: Weight, style: Style): void {
  const i = index(c, x, y);
  if (i < 0) return;
  if (c.text[i] !== 0) return;
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
    c.text[i] = char.codePointAt(0) ?? 0x20;
    c.bits[i] = 0;
    c.style[i] = styleIndex.get(style) ?? PLAIN;
  }
}

/** Empties a rectangle (the inside of a box). */
function clear(c: Canvas, x: number, y: number, width: number, height: number): void {
  for (let yy = y; yy < y + height; yy++) {
    for (let xx = x; xx < x + width; xx++) {
      const i = index(c, xx, yy);
      if (i < 0) continue;
      c.text[i] = 0;
      c.bits[i] = 0;
      c.style[i] = PLAIN;
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
      c.text[i] = 0;
      c.style[i] = styleIndex.get(style) ?? PLAIN;
    }
  }
  for (let yy = y + 1; yy < bottom; yy++) {
    for (const [xx, inward] of [[x, RIGHT], [right, LEFT]] as const) {
      const i = index(c, xx, yy);
      if (i < 0) continue;
      c.bits[i] = ((c.bits[i] ?? 0) & ~inward) | UP | DOWN;
      c.weight[i] = weights.indexOf(weight);
      c.text[i] = 0;
      c.style[i] = styleIndex.get(style) ?? PLAIN;
    }
  }
}

/** Whether a cell is empty (no text, no line). */
function isBlank(c: Canvas, x: number, y: number): boolean {
  const i = index(c, x, y);
  return i >= 0 && c.text[i] === 0 && (c.bits[i] ?? 0) === 0;
}

const frameStyles: ReadonlySet<number> = new Set((['frame', 'failed', 'believed-down', 'selected', 'focus'] as const).map((st) => styleIndex.get(st) ?? PLAIN));

/** Whether a cell is empty or a plain stretch of a frame's top or bottom border (no line crosses it there). */
export function isOpen(c: Canvas, x: number, y: number): boolean {
  const i = index(c, x, y);
  if (i < 0) return false;
  if (isBlank(c, x, y)) return true;
  return c.text[i] === 0 && c.bits[i] === (LEFT | RIGHT) && frameStyles.has(c.style[i] ?? PLAIN);
}

/** The canvas as styled lines: adjacent cells of one style become one span; trailing blanks are dropped. */
export function toStyledLines(c: Canvas, ascii: boolean): StyledLine[] {
  const lines: StyledLine[] = [];
  for (let y = 0; y < c.height; y++) {
    const row = y * c.width;
    let last = -1;
    for (let x = c.width - 1; x >= 0; x--) {
      if (c.text[row + x] !== 0 || c.bits[row + x] !== 0) {
        last = x;
        break;
      }
    }
    const spans: Span[] = [];
    let run = '';
    let runStyle = PLAIN;
    for (let x = 0; x <= last; x++) {
      const i = row + x;
      const code = c.text[i] ?? 0;
      const raw = code !== 0 ? String.fromCodePoint(code) : lineGlyph(c.bits[i] ?? 0, weights[c.weight[i] ?? 0] ?? 'light', ascii);
      const char = ascii ? toAscii(raw, true) : raw;
      const style = char === ' ' ? PLAIN : (c.style[i] ?? PLAIN);
      if (style !== runStyle && run !== '') {
        spans.push({ text: run, style: styles[runStyle] ?? 'plain' });
        run = '';
      }
      runStyle = style;
      run += char;
    }
    if (run !== '') spans.push({ text: run, style: styles[runStyle] ?? 'plain' });
    lines.push(spans);
  }
  return lines;
}
