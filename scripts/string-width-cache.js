// Ink measures every character and every line of every frame with string-width, whose path for
// non-ASCII text (box drawing, arrows, ✓ ✗) goes through Intl.Segmenter and emoji regexes: the
// bulk of a frame's cost here, tens of milliseconds before the first frame the first time, and
// most of a traffic frame's garbage (8 MB a second of it). Text whose characters all stand alone
// is measured directly (source/ui/plain-width.ts). The width of other text never changes and
// most lines are the same as in the frame before, so remember them: in two generations of at
// most GENERATION characters of text each (about 200 KB): when the newer one is full it becomes
// the older one, and a text found there moves back to the newer. Longer texts than LONGEST are
// measured each time.
import stringWidth from 'string-width';
import { plainWidth } from '../source/ui/plain-width.ts';

const GENERATION = 100_000;
const LONGEST = 1_000;
let newer = new Map();
let older = new Map();
let newerSize = 0;

export default function cachedStringWidth(text, options) {
  if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
  const plain = plainWidth(text);
  if (plain !== undefined) return plain;
  if (text.length > LONGEST) return stringWidth(text);
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
