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
