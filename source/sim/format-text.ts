/** Small text helpers for the readable (non-JSON) outputs: durations, wrapping, aligned tables. */
import type { Ms } from '../model/types.js';

/** `8 ms`, `1.5 s`, `21.016 s`. */
export function formatMs(ms: Ms): string {
  if (ms < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')} s`;
}

/** Display width, counting the few wide symbols the outputs use as two columns. */
function widthOf(text: string): number {
  // No ASCII character is pictographic: most cells are measured by their length.
  if (/^[ -~]*$/.test(text)) return text.length;
  let w = 0;
  for (const ch of text) w += /\p{Extended_Pictographic}/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - widthOf(text)));
}

/**
 * The words of `text`, keeping a number with its unit (`300 s`, `5 ms`, `517 bytes`) as one
 * word so that no line ends on a bare number.
 */
function words(text: string): string[] {
  return text.match(/\d[\d.,]*\s(?:ms|s|KB|MB|bytes|requests?)(?=[\s.,;:)]|$)\S*|\S+/g) ?? [];
}

/** Word-wraps `text` to `width` columns (long words are cut). Always at least one line. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      lines.push(w.slice(0, width));
      w = w.slice(width);
      line = '';
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * An aligned table: every column as wide as its widest cell except the last, which wraps to
 * what is left of `width` (never narrower than 20 columns).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], width: number): string[] {
  const all = [header, ...rows];
  const n = header.length;
  // The last column wraps: only the others are measured.
  const widths = header.slice(0, n - 1).map((_, i) => Math.max(...all.map((r) => widthOf(r[i] ?? ''))));
  const fixed = widths.slice(0, n - 1).reduce((a, b) => a + b + 2, 0);
  const last = Math.max(20, width - fixed);
  const out: string[] = [];
  for (const row of all) {
    const lead = row.slice(0, n - 1).map((cell, i) => pad(cell, widths[i] ?? 0)).join('  ');
    const wrapped = wrap(row[n - 1] ?? '', last);
    wrapped.forEach((part, i) => out.push(`${i === 0 ? lead : ' '.repeat(fixed - 2)}${n > 1 ? '  ' : ''}${part}`.trimEnd()));
  }
  return out;
}
