/**
 * The characters of the drawing. Lines are kept as direction bits (up 1, right 2, down 4,
 * left 8) and a weight until the end, so crossings and junctions merge into the right glyph;
 * this file turns them into Unicode box drawing or into pure 7-bit ASCII.
 */
import { failureStates } from '../model/failure-looks.js';

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

/**
 * 7-bit stand-ins for the symbols the program prints, in the diagram (where one character must
 * stay one cell) and in running text (where `→` may become `->`): [one cell, text].
 */
const folds: Readonly<Record<string, readonly [string, string?]>> = {
  ...Object.fromEntries(failureStates.map(([, look]) => [look.symbol, [look.ascii]])),
  '✓': ['+'], '·': ['-'], '…': ['~', '...'], '«': ['<'], '»': ['>'], '▶': ['>'], '◀': ['<'], '▲': ['^'], '▼': ['v'],
  '═': ['='], '─': ['-'], '┄': ['.'], '→': ['>', '->'], '←': ['<', '<-'], '↑': ['^'], '↓': ['v'], '—': ['-'], '–': ['-'],
  '×': ['x'], '❯': ['>'], '“': ['"'], '”': ['"'], '‘': ["'"], '’': ["'"],
};

/**
 * Text made pure 7-bit, for `--ascii`: the program's own symbols get their ASCII stand-ins,
 * anything else outside printable ASCII (in a user's topology file, say) becomes `?`. With
 * `oneCell`, every character stays one character (the diagram's cells); without, a stand-in may
 * be longer (`→` → `->`).
 */
export function toAscii(text: string, oneCell = false): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const fold = folds[char];
    out += code >= 0x20 && code < 0x7f ? char : fold ? ((oneCell ? undefined : fold[1]) ?? fold[0]) : '?';
  }
  return out;
}
