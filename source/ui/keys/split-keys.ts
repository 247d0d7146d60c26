const ESC = '\x1b';

/** Whether `ch` ends a CSI sequence: a final byte (`@`–`~`), or rxvt's `$` (shift-Insert is `ESC [ 2 $`). */
const endsCsi = (ch: string): boolean => (ch >= '@' && ch <= '~') || ch === '$';

/** Whether `ch` belongs inside a CSI sequence before its end: parameter bytes (`0`–`?`) and intermediates (space–`/`). */
const insideCsi = (ch: string): boolean => ch >= ' ' && ch <= '?' && ch !== '$';

/**
 * The length of the escape sequence at `at` (which holds ESC): a CSI (`ESC [`, also the
 * Cygwin/PuTTY `ESC [ [`), up to and with its final byte; an SS3 (`ESC O`) with its one key
 * letter (modifier digits before it allowed); otherwise 1, the Esc key alone. A sequence cut off
 * by the end of the chunk runs to that end.
 */
function sequenceLength(chunk: string, at: number): number {
  const kind = chunk[at + 1];
  if (kind !== '[' && kind !== 'O') return 1;
  let end = at + 2;
  if (kind === '[' && chunk[end] === '[') end += 1;
  const inside = kind === '[' ? insideCsi : (ch: string) => (ch >= '0' && ch <= '9') || ch === ';';
  while (end < chunk.length && inside(chunk[end] as string)) end += 1;
  if (end >= chunk.length) return chunk.length - at;
  // SS3 takes any one character as its key; CSI only a final byte (anything else ends it short).
  return kind === 'O' || endsCsi(chunk[end] as string) ? end + 1 - at : end - at;
}

/**
 * Splits one chunk of terminal input (what one read of a terminal in raw mode returns) into
 * its key presses, in order, so each is parsed on its own: a chunk holds several keys when
 * they are typed faster than the app reads, pasted, or sent by a script, and Ink's parser reads
 * one key per chunk (the rest were lost). Guaranteed: the keys joined give the chunk back;
 * none is empty; every escape sequence (CSI, SS3) is one key; any other character (a whole code
 * point) is one key. An Esc followed by anything but `[` or `O` is the Esc key on its own, so
 * Esc then a letter typed quickly is two keys, as when typed slowly (the app binds no Alt-key).
 * Bracketed-paste markers are CSI sequences no key map binds; the pasted text between them is
 * typed key by key.
 */
export function splitKeys(chunk: string): string[] {
  const keys: string[] = [];
  let at = 0;
  while (at < chunk.length) {
    const length = chunk[at] === ESC ? sequenceLength(chunk, at) : (chunk.codePointAt(at) as number) > 0xffff ? 2 : 1;
    keys.push(chunk.slice(at, at + length));
    at += length;
  }
  return keys;
}
