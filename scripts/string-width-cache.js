// Ink measures every character and every line of every frame with string-width, whose path for
// non-ASCII text (box drawing, arrows, ✓ ✗) goes through Intl.Segmenter and emoji regexes: the
// bulk of a frame's cost here, and of its garbage (a traffic frame measured 8 MB a second of it).
// The width of a text never changes and most lines are the same as in the frame before, so
// remember them: in two generations of at most GENERATION characters of text each (about
// 200 KB): when the newer one is full it becomes the older one, and a text found there moves
// back to the newer. Longer texts than LONGEST are measured each time.
import stringWidth from 'string-width';

const GENERATION = 100_000;
const LONGEST = 1_000;
let newer = new Map();
let older = new Map();
let newerSize = 0;

export default function cachedStringWidth(text, options) {
  if (options !== undefined || typeof text !== 'string' || text.length > LONGEST) return stringWidth(text, options);
  let width = newer.get(text);
  if (width !== undefined) return width;
  width = older.get(text) ?? stringWidth(text);
  if (newerSize + text.length > GENERATION) {
    older = newer;
    newer = new Map();
    newerSize = 0;
  }
  newer.set(text, width);
  newerSize += text.length;
  return width;
}
