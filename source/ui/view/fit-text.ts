import { toAscii } from '../../layout/index.js';
import type { Segment } from './line.js';

// Control characters (a newline in an engine note, a tab in a topology file) would take a row or
// move the cursor: panels draw exactly one row per line and do not clip, so they become spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * Cuts a line of segments to `width` characters (dropping what does not fit, no ellipsis, so
 * the cut never adds a non-ASCII character), folding to ASCII first when asked. Guaranteed: one
 * row, no control characters.
 */
export function fitSegments(segments: readonly Segment[], width: number, ascii: boolean): Segment[] {
  const out: Segment[] = [];
  let room = Math.max(0, width);
  for (const segment of segments) {
    if (room === 0) break;
    const plain = segment.text.replace(CONTROL, ' ');
    const chars = [...(ascii ? toAscii(plain) : plain)];
    const text = chars.slice(0, room).join('');
    room -= Math.min(room, chars.length);
    out.push({ ...segment, text });
  }
  return out;
}

/** Text cut to `width` characters at the last space that leaves room for `…` (plain text, one row). */
export function fitWords(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  const head = chars.slice(0, Math.max(0, width - 1)).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > width / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
