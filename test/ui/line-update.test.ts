import xterm from '@xterm/headless';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedLine, lineUpdate } from '../../source/ui/line-update.js';

const COLUMNS = 40;

/** Styles as Ink writes them: opened before a run of text, closed after it. */
const styles = [
  ['', ''],
  ['\x1b[1m', '\x1b[22m'],
  ['\x1b[2m', '\x1b[22m'],
  ['\x1b[36m', '\x1b[39m'],
  ['\x1b[1m\x1b[35m', '\x1b[39m\x1b[22m'],
  ['\x1b[7m', '\x1b[27m'],
  ['\x1b[4m\x1b[44m', '\x1b[49m\x1b[24m'],
  ['\x1b[38;5;208m', '\x1b[39m'],
] as const;

/** Text as the app draws it, with the characters that are hard to cut around: wide, combining, astral, joined. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', '2', '─', '│', '▶', '✓', 'é', '界', 'e\u0301', '😀', '✔\ufe0f', '👩\u200d💻'), maxLength: 6 });
const segment = fc.tuple(fc.integer({ min: 0, max: styles.length - 1 }), text);
const render = (segments: readonly (readonly [number, string])[]) => segments.map(([s, t]) => (t === '' ? '' : `${styles[s]?.[0]}${t}${styles[s]?.[1]}`)).join('');

/** A line and a later version of it: one part changed, or a different line altogether. */
const pair = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.nat(), segment, fc.boolean(), fc.array(segment, { maxLength: 5 }))
  .map(([segments, at, replacement, related, other]) => {
    const changed = [...segments];
    changed[at % segments.length] = replacement;
    return [render(segments), render(related ? changed : other)] as const;
  });

/** A terminal that moves to the start of the next row on a line feed, as a terminal behind a tty does. */
const terminal = () => new xterm.Terminal({ cols: COLUMNS, rows: 3, allowProposedApi: true, convertEol: true });
const write = (t: InstanceType<typeof xterm.Terminal>, data: string) => new Promise<void>((resolve) => t.write(data, resolve));

/** Every cell of the first row (character and style), the cursor, and the style a character written there gets. */
async function shown(t: InstanceType<typeof xterm.Terminal>): Promise<string> {
  await write(t, 'X');
  const b = t.buffer.active;
  const row = (y: number) =>
    Array.from({ length: COLUMNS }, (_, x) => {
      const c = b.getLine(y)?.getCell(x);
      return c ? `${c.getChars()}|${c.getWidth()}|${c.getFgColorMode()}:${c.getFgColor()}|${c.getBgColor()}|${c.isBold()}${c.isDim()}${c.isInverse()}${c.isUnderline()}` : '';
    }).join(' ');
  return `${row(0)}\n${row(1).split(' ')[0]}`;
}

describe('changedLine: a row rewritten from where it changed', () => {
  it('leaves the row exactly as writing the new line whole does, and the cursor and style where they were', async () => {
    await fc.assert(
      fc.asyncProperty(pair, async ([previous, next]) => {
        const updated = terminal();
        await write(updated, changedLine(undefined, previous));
        await write(updated, `\x1b[H${changedLine(previous, next)}`);
        const whole = terminal();
        await write(whole, changedLine(undefined, next));
        expect(await shown(updated)).toBe(await shown(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('is never longer than the whole line, and much shorter when a number changes in a ruled title', () => {
    fc.assert(
      fc.property(pair, ([previous, next]) => {
        expect(changedLine(previous, next).length).toBeLessThanOrEqual(changedLine(undefined, next).length);
      }),
    );
    const rule = (hop: number) => `\x1b[2m─ GET / · hop ${hop} of 16 ${'─'.repeat(50)}\x1b[22m`;
    expect(changedLine(rule(2), rule(3))).toBe('\x1b[15G\x1b[2m3\x1b[0m\n');
    expect(changedLine(rule(9), rule(10))).toBe(`\x1b[15G\x1b[2m10 of 16 ${'─'.repeat(50)}\x1b[22m\x1b[K\n`);
  });
});

describe('lineUpdate: the rows of a frame', () => {
  it('steps over unchanged rows at once and writes changed ones', () => {
    expect(lineUpdate(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'e'], 4)).toBe('\x1b[3E\x1b[1Ge\x1b[K\n');
    expect(lineUpdate(['a', 'b'], ['x', 'b'], 2)).toBe('\x1b[1Gx\x1b[K\n\x1b[E');
    expect(lineUpdate(['a'], ['a', 'new'], 2)).toBe('\x1b[E\x1b[1Gnew\x1b[K\n');
  });
});
