import { describe, expect, it } from 'vitest';
import { printCommand } from '../../source/commands/print.js';
import { UsageError } from '../../source/commands/context.js';
import { ansiLines } from '../../source/commands/ansi-lines.js';
import { palette, type Style } from '../../source/layout/index.js';
import { makeTheme } from '../../source/ui/theme.js';
import { fakeIo, noFlags } from '../cli/fake-io.js';

const run = async (args: string[], flags: Partial<typeof noFlags> = {}, tty = false, columns?: number) => {
  const out = fakeIo({ tty, ...(columns === undefined ? {} : { columns }) });
  const code = await printCommand({ args, flags: { ...noFlags, ...flags }, io: out.io });
  return { code, text: out.stdout() };
};
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('infra-tui print', () => {
  it('prints the title and the diagram, 100 columns wide at most when piped', async () => {
    const { code, text } = await run(['distributed']);
    expect(code).toBe(0);
    expect(text.startsWith('Distributed web infrastructure\n\n')).toBe(true);
    expect(widest(text)).toBeLessThanOrEqual(100);
    expect(text).not.toContain('\u001b');
  });

  it.each([40, 80, 120, 160])('never prints a line wider than --width %d', async (width) => {
    for (const id of ['0', '1', '2', '3', '4']) expect(widest((await run([id], { width })).text)).toBeLessThanOrEqual(width);
  });

  it('follows the terminal width, and colours only when colour is on', async () => {
    const { text } = await run(['secured'], { color: true }, true, 90);
    const sgr = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
    expect(widest(text.replace(sgr, ''))).toBeLessThanOrEqual(90);
    expect(text).toContain('\u001b[');
  });

  it('colours a failed box as the app does: bold red, the same palette', async () => {
    const { text } = await run(['simple'], { fail: 'mysql-1', color: true }, true);
    expect(text).toContain('\u001b[1;31m│✗mysql-1');
    expect(makeTheme({ color: true, ascii: false }).style('failed')).toEqual({ color: 'red', bold: true });
  });

  it('writes every style in the SGR of the look the app gives it', () => {
    const theme = makeTheme({ color: true, ascii: false });
    const codes: Record<string, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 };
    for (const style of Object.keys(palette) as Style[]) {
      const look = theme.style(style);
      const expected = [look.bold && '1', look.dimColor && '2', look.inverse && '7', look.color && String(codes[look.color])].filter(Boolean).join(';');
      expect(ansiLines([[{ text: 'x', style }]], true), style).toBe(expected === '' ? 'x\n' : `\u001b[${expected}mx\u001b[0m\n`);
    }
  });

  it('marks --fail ids and gives pure 7-bit text with --ascii', async () => {
    const { text } = await run(['simple'], { fail: 'mysql-1', ascii: true });
    expect(text).toContain('Xmysql-1');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('draws a hung part as the app does (H on its box) and lists every failure under the title', async () => {
    const { text } = await run(['1'], { fail: 'app-1:hang,server-2' });
    const [title, failed] = text.split('\n');
    expect(title).toBe('Distributed web infrastructure');
    expect(failed).toBe('✗ down: server-2   H hung: app-1');
    expect(text).toMatch(/H[[«{]app-1|[─━]H[┐┓]/);
    expect(text).not.toMatch(/\bhung\b[^:]/);
    const ascii = await run(['1'], { fail: 'server-2', ascii: true });
    expect(ascii.text.split('\n')[1]).toBe('X down: server-2');
    expect((await run(['1'])).text.split('\n')[1]).toBe('');
  });

  it.each([
    [[], {}, /needs a topology/],
    [['1', '2'], {}, /one topology/],
    [['1'], { fail: 'server-3' }, /no component or host "server-3".*did you mean "server-1"/],
  ])('refuses %j %j with a usage error', async (args, flags, message) => {
    await expect(run(args as string[], flags)).rejects.toThrow(UsageError);
    await expect(run(args as string[], flags)).rejects.toThrow(message);
  });
});
