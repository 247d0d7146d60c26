/**
 * The characters of the drawing. Lines are kept as direction bits (up 1, right 2, down 4,
 * left 8) and a weight until the end, so crossings and junctions merge into the right glyph;
 * this file turns them into Unicode box drawing or into pure 7-bit ASCII.
 */
export type Weight = 'light' | 'heavy' | 'double' | 'rounded' | 'dashed';

const light = ' │─└││┌├─┘─┴┐┤┬┼';
const heavy = ' ┃━┗┃┃┏┣━┛━┻┓┫┳╋';
const double = ' ║═╚║║╔╠═╝═╩╗╣╦╬';
const rounded = ' │─╰││╭├─╯─┴╮┤┬┼';
const dashed = ' ┆┄└┆┆┌├┄┘┄┴┐┤┬┼';

const asciiLight = ' |-+||++-+-+++++';
const asciiHeavy = ' ***************';
const asciiDouble = ' H=#HH##=#=#####';
const asciiRounded = " |-'||.+-'-+.+++";
const asciiDashed = " :.'::.+.'.+.+++";

const tables: Record<Weight, readonly [string, string]> = {
  light: [light, asciiLight],
  heavy: [heavy, asciiHeavy],
  double: [double, asciiDouble],
  rounded: [rounded, asciiRounded],
  dashed: [dashed, asciiDashed],
};

/** The glyph for a cell whose lines leave in the directions `bits` (0-15). */
export function lineGlyph(bits: number, weight: Weight, ascii: boolean): string {
  return tables[weight][ascii ? 1 : 0].charAt(bits & 15);
}

/** Arrowheads by direction of travel: up, right, down, left. */
export function arrowGlyph(dir: number, ascii: boolean): string {
  return (ascii ? '^>v<' : '▲▶▼◀').charAt(dir & 3);
}

const symbols: Readonly<Record<string, string>> = { '✗': 'X', '·': '-', '…': '~', '«': '<', '»': '>', '▶': '>', '◀': '<', '▲': '^', '▼': 'v', '═': '=', '─': '-', '┄': '.' };

/**
 * Text made pure 7-bit: the drawing's own symbols get their ASCII stand-ins, anything else
 * outside printable ASCII becomes `?`. Guaranteed: same length (one character per cell).
 */
export function toAscii(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code >= 0x20 && code < 0x7f ? char : (symbols[char] ?? '?');
  }
  return out;
}
