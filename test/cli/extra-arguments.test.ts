import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../../dist/cli.js');
const run = (args: readonly string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('an argument a command does not take', () => {
  // A second topology would otherwise be dropped without a word: `spof 1 3` analysed design 1 only.
  it.each([
    [['list', 'x'], 'list takes no argument, not "x"'],
    [['print', '1', '2'], 'print takes one topology, not also "2"'],
    [['trace', '1', '2', '3'], 'trace takes one topology, not also "2 3"'],
    [['spof', '1', 'extra'], 'spof takes one topology, not also "extra"'],
    [['export', '1', '2', '--format', 'json'], 'export takes one topology, not also "2"'],
  ])('%j is refused in one line, exit 2, nothing on stdout', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`infra-tui: ${message}\n`);
  });
});

describe('a flag a command does not read', () => {
  // Ignored, it would answer another question: `simulate 2 --fail server-1` showed a healthy run.
  it.each([
    [['simulate', '2', '--fail', 'server-1', '--duration', '5s'], 'simulate does not take --fail: it is for trace, print (infra-tui --help)'],
    [['simulate', '1', '--request', 'POST /signup'], 'simulate does not take --request: it is for trace (infra-tui --help)'],
    [['export', '1', '--json'], 'export does not take --json: it is for list, trace, spof, compare, simulate (infra-tui --help)'],
    [['4', '--qps', '500'], 'the app does not take --qps: it is for simulate (infra-tui --help)'],
    [['serve', '--record', 'lesson.yaml'], 'serve does not take --record: it is for the app (infra-tui --help)'],
  ])('%j is refused in one line, exit 2, nothing on stdout', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`infra-tui: ${message}\n`);
  });

  it('is still taken by the commands that read it, and --ascii and --no-color by every command', () => {
    for (const args of [['print', '1', '--fail', 'server-1', '--ascii', '--no-color'], ['trace', '1', '--seed', '3', '--count', '2'], ['list', '--json', '--width', '60'], ['validate', 'topologies/1-distributed.yaml', '--ascii']]) {
      const r = run(args);
      expect([r.status, r.stderr], args.join(' ')).toEqual([0, '']);
    }
  });

  it('--help lists every flag of the table, each with the commands it is for', async () => {
    const { flagTable, asTyped, said } = await import('../../source/commands/flag-table.js');
    const help = run(['--help']).stdout;
    for (const [name, row] of Object.entries(flagTable)) {
      expect(help).toContain(row.usage);
      expect(row.usage.startsWith(name === 'color' ? '--no-color' : asTyped(name))).toBe(true);
      if (row.for !== 'all') expect(help).toContain(`${row.usage.padEnd(26)}${row.for.map(said).join(', ')}:`);
    }
  });
});
