// Ink measures every character of every frame with string-width, whose path for non-ASCII text
// (box drawing, arrows, ✓ ✗) goes through Intl.Segmenter and emoji regexes: the bulk of a
// frame's cost here. Widths of short strings never change, so remember them.
import stringWidth from 'string-width';

const cache = new Map();
const LIMIT = 10_000;

export default function cachedStringWidth(text, options) {
  if (options !== undefined || typeof text !== 'string' || text.length > 4) return stringWidth(text, options);
  let width = cache.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (cache.size < LIMIT) cache.set(text, width);
  }
  return width;
}
