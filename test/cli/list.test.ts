import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCommand, listTable } from '../../source/commands/list.js';
import { fakeIo, noFlags } from './fake-io.js';

const cli = resolve(import.meta.dirname, '../../dist/cli.js');
const ids = ['simple', 'distributed', 'secured', 'scaled', 'high-availability'];

describe('infra-tui list', () => {
  it('prints an aligned table of the five designs, untruncated when piped', async () => {
    const { io, stdout } = fakeIo();
    expect(await listCommand({ args: [], flags: noFlags, io })).toBe(0);
    const lines = stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+ID\s+TITLE\s+SUMMARY$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2))).toEqual(ids.map((id, n) => [String(n), id]));
    const summaryColumn = lines[0]?.indexOf('SUMMARY');
    for (const line of lines.slice(1)) expect(line.charAt((summaryColumn ?? 0) - 1)).toBe(' ');
    expect(stdout()).not.toContain('…');
  });

  it.each([80, 100, 160])('fits a %d-column terminal, cutting summaries with an ellipsis', async (columns) => {
    const { io, stdout } = fakeIo({ tty: true, columns });
    await listCommand({ args: [], flags: noFlags, io });
    const lines = stdout().trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
    for (const id of ids) expect(stdout()).toContain(id);
  });

  const long = [0, 1].map((number) => ({
    number,
    id: `design-${number}`,
    file: `/x/${number}.yaml`,
    title: 'A title of average length',
    summary: 'A summary long enough that no terminal of ordinary width shows it whole, so it must be cut somewhere.',
  }));

  it.each([
    [false, '…'],
    [true, '...'],
  ])('cuts long summaries to the width, marking the cut (ascii: %s)', (ascii, mark) => {
    for (const width of [50, 80, 120]) {
      const lines = listTable(long, width, ascii).split('\n');
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      expect(lines.filter((line) => line.endsWith(mark))).toHaveLength(2);
      if (ascii) expect(lines.join('')).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('moves summaries under the titles when little room is left beside them', () => {
    const [header, first, second] = listTable(long, 60, false).split('\n');
    expect(header).toMatch(/TITLE \/ SUMMARY$/);
    expect(first).toMatch(/^0 {2}design-0 {2}A title of average length$/);
    expect(second).toMatch(/^ {3}A summary long enough/);
  });

  it('prints an array under --json, from the real CLI', () => {
    const run = spawnSync(process.execPath, [cli, 'list', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { number: number; id: string; title: string; summary: string; file: string }[];
    expect(rows.map((r) => [r.number, r.id, r.file])).toEqual(ids.map((id, n) => [n, id, `topologies/${n}-${id}.yaml`]));
    for (const r of rows) expect(r.title && r.summary).toBeTruthy();
  });
});
