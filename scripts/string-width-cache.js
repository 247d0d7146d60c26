// Ink measures every character of every frame with string-width, whose path for non-ASCII text
// (box drawing, arrows, ✓ ✗) goes through Intl.Segmenter and emoji regexes: the bulk of a
// frame's cost here, and tens of milliseconds before the first frame the first time. Text whose
// characters all stand alone is measured directly (source/ui/plain-width.ts); widths of other
// short strings never change, so remember them.
import stringWidth from 'string-width';
import { plainWidth } from '../source/ui/plain-width.ts';

const cache = new Map();
const LIMIT = 10_000;

export default function cachedStringWidth(text, options) {
  if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
  const plain = plainWidth(text);
  if (plain !== undefined) return plain;
  if (text.length > 4) return stringWidth(text);
  let width = cache.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (cache.size < LIMIT) cache.set(text, width);
  }
  return width;
}
