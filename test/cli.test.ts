import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the CLI', () => {
  it('lists every sub-command and flag in --help', () => {
    const { stdout, status } = run('--help');
    expect(status).toBe(0);
    for (const word of ['list', 'print', 'trace', 'spof', 'compare', 'simulate', 'export', 'validate']) {
      expect(stdout).toMatch(new RegExp(`infra-tui ${word}\\b`));
    }
    for (const flag of ['--request', '--fail', '--after', '--count', '--json', '--width', '--ascii', '--no-color', '--format', '--qps', '--duration', '--mix', '--at', '--seed']) {
      expect(stdout).toContain(flag);
    }
  });

  it('prints the package version', async () => {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default;
    expect(run('--version').stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [['--bogus'], /^infra-tui: unknown flag --bogus/],
    [['list', '--width', 'abc'], /^infra-tui: --width needs a number$/],
    [['list', '--width', '5'], /^infra-tui: --width must be a whole number from 20 to 1000/],
    // A word that only an object's prototype knows is not a sub-command.
    [['toString'], /^no topology "toString": use a number 0-4/],
  ])('rejects %j in one line with exit code 2', (args, message) => {
    const { stderr, status } = run(...args);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });
});
