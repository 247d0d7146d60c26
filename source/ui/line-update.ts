import { plainWidth } from './plain-width.js';

const ESC = '\x1b';
const CSI = `${ESC}[`;

/**
 * Whether a character takes one column on every terminal and never joins its neighbours (see
 * `plainWidth`; ambiguous ones, box drawing among them, counted narrow as Ink lays them out), so
 * that the cursor can be placed past it by counting: a terminal that draws emoji or wide
 * characters at another width than ours still shows what a whole line would, because a line is
 * only cut and counted across these.
 */
function narrow(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || plainWidth(String.fromCharCode(code)) === 1;
}

/** Whether every character of `text` (which holds no escape) is `narrow`: its width is then its length. */
function allNarrow(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!narrow(text.charCodeAt(i))) return false;
  return true;
}

/** The index just past the escape sequence that starts at `at`, or -1 when it is not an SGR (`ESC [ … m`) one. */
function sgrEnd(text: string, at: number): number {
  if (text[at + 1] !== '[') return -1;
  let end = at + 2;
  while (end < text.length && /[0-9;:]/.test(text[end] as string)) end += 1;
  return text[end] === 'm' ? end + 1 : -1;
}

/** Whether `text` may be cut before index `at`: not inside an escape sequence, between narrow characters. */
function cuttable(text: string, at: number): boolean {
  if (at === 0 || at === text.length) return true;
  const escape = text.lastIndexOf(ESC, at - 1);
  if (escape >= 0 && (sgrEnd(text, escape) < 0 || sgrEnd(text, escape) > at)) return false;
  const after = text.charCodeAt(at);
  return narrow(text.charCodeAt(at - 1)) && (after === 0x1b || narrow(after));
}

/** Which attribute an SGR parameter sets, and the parameters that turn each off (22 turns off both bold and faint). */
const slots: Readonly<Record<string, readonly string[]>> = { '1': ['22'], '2': ['22'], '3': ['23'], '4': ['24'], '5': ['25'], '7': ['27'], '8': ['28'], '9': ['29'] };

/**
 * The style in force after the SGR sequences `codes` (each one `ESC [ … m`), restated in the
 * fewest parameters: only what is on at the end. Colours (one slot each for foreground and
 * background, 8-colour, bright, 256 and true colour forms) and attributes are tracked as SGR
 * defines them; `0` or an empty sequence resets all.
 */
function styleIn(codes: readonly string[]): string {
  const on = new Map<string, string>();
  for (const code of codes) {
    const params = code.slice(2, -1).split(';');
    for (let i = 0; i < params.length; i++) {
      const p = params[i] ?? '';
      const n = Number(p === '' ? '0' : p);
      if (n === 0) on.clear();
      else if (n === 38 || n === 48) {
        const length = params[i + 1] === '5' ? 2 : params[i + 1] === '2' ? 4 : 0;
        on.set(n === 38 ? 'fg' : 'bg', params.slice(i, i + 1 + length).join(';'));
        i += length;
      } else if (n === 39) on.delete('fg');
      else if (n === 49) on.delete('bg');
      else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) on.set('fg', p);
      else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) on.set('bg', p);
      else if (slots[p]) on.set(p, p);
      else for (const [slot, offs] of Object.entries(slots)) if (offs.includes(p)) on.delete(slot);
    }
  }
  return on.size === 0 ? '' : `${CSI}${[...on.values()].join(';')}m`;
}

/**
 * The style in force after `text` (restated by `styleIn`), and its width on screen; undefined if
 * it holds an escape other than SGR or a character that is not `narrow`.
 */
function styleAndWidth(text: string): { style: string; width: number } | undefined {
  const codes: string[] = [];
  let plain = '';
  let from = 0;
  for (let at = text.indexOf(ESC); at >= 0; at = text.indexOf(ESC, from)) {
    const end = sgrEnd(text, at);
    if (end < 0) return undefined;
    plain += text.slice(from, at);
    codes.push(text.slice(at, end));
    from = end;
  }
  plain += text.slice(from);
  return allNarrow(plain) ? { style: styleIn(codes), width: plain.length } : undefined;
}

/** The whole line rewritten, as Ink writes it: from column 1, the rest of the row erased, on to the next row. */
const wholeLine = (next: string) => `${CSI}1G${next}${CSI}K\n`;

/**
 * What turns one row showing `previous` into `next` (both as Ink renders a line: text and SGR
 * sequences, each line starting and ending in the default style), from the row's first column,
 * ending at the next row's first column: the part both share at the start is not written again
 * (the cursor moves past it and its style is restated), nor a shared end when what changed
 * between them keeps its width and holds no escape; the cursor is only placed past narrow
 * characters (see `narrow`), else the line is written whole. Guaranteed: the row then shows exactly
 * `next`, the style is back to the default, and it is never longer than rewriting the line.
 */
export function changedLine(previous: string | undefined, next: string): string {
  const whole = wholeLine(next);
  if (previous === undefined) return whole;
  let cut = 0;
  while (cut < previous.length && cut < next.length && previous[cut] === next[cut]) cut += 1;
  while (cut > 0 && !(cuttable(previous, cut) && cuttable(next, cut))) cut -= 1;
  const head = styleAndWidth(next.slice(0, cut));
  if (head === undefined || cut === 0) return whole;
  const move = `${CSI}${head.width + 1}G${head.style}`;
  let same = 0;
  const room = Math.min(previous.length, next.length) - cut;
  while (same < room && previous[previous.length - 1 - same] === next[next.length - 1 - same]) same += 1;
  while (same > 0 && !(cuttable(previous, previous.length - same) && cuttable(next, next.length - same))) same -= 1;
  const was = previous.slice(cut, previous.length - same);
  const now = next.slice(cut, next.length - same);
  const inPlace = same > 0 && was.length === now.length && !was.includes(ESC) && !now.includes(ESC) && allNarrow(was) && allNarrow(now);
  const update = inPlace ? `${move}${now}${head.style === '' ? '' : `${CSI}0m`}\n` : `${move}${next.slice(cut)}${CSI}K\n`;
  return update.length < whole.length ? update : whole;
}

/**
 * What Ink's incremental rendering writes for a frame's rows, from the first row's first
 * column to the row after the last: unchanged rows are stepped over (several at once), changed
 * ones updated by `changedLine`. `previous` is the frame before (a row it lacks is written whole).
 */
export function lineUpdate(previous: readonly string[], next: readonly string[], count: number): string {
  let out = '';
  let skipped = 0;
  for (let row = 0; row < count; row++) {
    const line = next[row] ?? '';
    if (line === previous[row]) {
      skipped += 1;
      continue;
    }
    if (skipped > 0) out += `${CSI}${skipped === 1 ? '' : skipped}E`;
    skipped = 0;
    out += changedLine(previous[row], line);
  }
  return skipped > 0 ? `${out}${CSI}${skipped === 1 ? '' : skipped}E` : out;
}
