import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = resolve(root, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'play', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('infra-tui play (the built CLI)', () => {
  it('prints a built-in scenario by name, and a file by path, the same', () => {
    const byName = run('1-distributed-spofs', '--print', '--width', '90');
    const byPath = run('scenarios/1-distributed-spofs.yaml', '--print', '--width', '90');
    expect(byName.status).toBe(0);
    expect(byName.stderr).toBe('');
    expect(byName.stdout).toContain('Two servers, yet one load balancer');
    expect(byPath.stdout).toBe(byName.stdout);
  });

  it('prints instead of starting the app when stdout is not a terminal', () => {
    const piped = run('0-simple-one-server');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('> ');
  });

  it('answers a malformed file with one line per problem at file:line:col, exit 2', () => {
    const bad = run('test/fixtures/malformed-scenarios/unknown-id.yaml');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('test/fixtures/malformed-scenarios/unknown-id.yaml:5:19 steps[0].do: fail: no component or host "server-9" in simple (did you mean "server-1"?)\n');
  });

  it('answers a missing file, a name that is not a scenario and no argument in one line, exit 2', () => {
    for (const args of [['missing.yaml'], ['nothing-like-it'], []]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.js/);
    }
    expect(run('nothing-like-it').stderr).toContain('0-simple-one-server');
  });
});
