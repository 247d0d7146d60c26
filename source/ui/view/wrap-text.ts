import { wrap } from '../../sim/index.js';
import type { Line, Segment } from './line.js';

/**
 * Word-wraps plain text to lines of at most `width` characters (words longer than a line are
 * cut, a number stays with its unit), keeping the text's own line breaks. Panels wrap their
 * prose here rather than leaving it to Ink so they know exactly how many rows it takes.
 */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, width);
  return text.split('\n').flatMap((paragraph) => wrap(paragraph, max));
}

interface Cell {
  readonly ch: string;
  readonly tone: Segment['tone'];
}

/**
 * Where continuation rows start: under the second segment's text when the line is a label and
 * a text (a key and its title, a mark and an id), else under the line's own indentation.
 */
function hangOf(segments: Line, width: number): number {
  const lead = (s: string) => s.length - s.trimStart().length;
  const [first, second] = segments;
  const hang = first && second && first.text.trim() !== '' ? [...first.text].length + lead(second.text) : lead(first?.text ?? '');
  return hang <= width / 2 ? hang : 0;
}

function toSegments(cells: readonly Cell[]): Line {
  const out: Segment[] = [];
  for (const { ch, tone } of cells) {
    const last = out[out.length - 1];
    if (last && last.tone === tone) out[out.length - 1] = { ...last, text: last.text + ch };
    else out.push(tone ? { text: ch, tone } : { text: ch });
  }
  return out;
}

/**
 * One line of segments as rows of at most `width` characters, broken at spaces (a word longer
 * than a row is cut), continuation rows indented by the line's hang, tones kept. Guaranteed:
 * no row is wider than `width`, and no word is split while a space allows a break.
 */
export function wrapLine(segments: Line, width: number): Line[] {
  // Most lines fit: counted in UTF-16 units (never fewer than characters) they are returned as
  // they are, without a cell per character (panels wrap every line of a log on every frame).
  let units = 0;
  for (const s of segments) units += s.text.length;
  if (units <= width || width < 2) return [segments];
  const cells: Cell[] = segments.flatMap((s) => [...s.text].map((ch) => ({ ch, tone: s.tone })));
  if (cells.length <= width) return [segments];
  const hang = hangOf(segments, width);
  const rows: Line[] = [];
  let rest = cells;
  let indent = 0;
  while (indent + rest.length > width) {
    const room = width - indent;
    const lead = rest.findIndex((c) => c.ch !== ' ');
    const space = rest.slice(0, room + 1).map((c) => c.ch).lastIndexOf(' ');
    const cut = space > lead ? space : room;
    const row = rest.slice(0, cut);
    while (row.length > 0 && row[row.length - 1]?.ch === ' ') row.pop();
    rows.push(toSegments([...Array.from({ length: indent }, () => ({ ch: ' ', tone: undefined })), ...row]));
    rest = rest.slice(cut);
    while (rest[0]?.ch === ' ') rest = rest.slice(1);
    indent = hang;
  }
  if (rest.length > 0) rows.push(toSegments([...Array.from({ length: indent }, () => ({ ch: ' ', tone: undefined })), ...rest]));
  return rows;
}
