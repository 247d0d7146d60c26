import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../source/commands/context.js';
import { validateCommand } from '../../source/commands/validate.js';
import { fakeIo, noFlags } from './fake-io.js';

const root = resolve(import.meta.dirname, '../..');
const cli = resolve(root, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const malformed = (name: string) => `test/fixtures/malformed/${name}.yaml`;

describe('infra-tui validate (in process)', () => {
  it('says ok with the title and counts for a good file', async () => {
    const { io, stdout, stderr } = fakeIo({ cwd: root });
    expect(await validateCommand({ args: ['topologies/1-distributed.yaml'], flags: noFlags, io })).toBe(0);
    expect(stdout()).toBe('ok: topologies/1-distributed.yaml — Distributed web infrastructure (11 components, 3 hosts)\n');
    expect(stderr()).toBe('');
  });

  it('checks every file given and fails if any is bad', async () => {
    const { io, stdout, stderr } = fakeIo({ cwd: root });
    expect(await validateCommand({ args: ['0', malformed('dangling-backend'), 'simple'], flags: { ...noFlags, ascii: true }, io })).toBe(2);
    expect(stdout().split('\n').filter(Boolean)).toEqual([
      'ok: 0 - Simple web stack (6 components, 1 hosts)',
      'ok: simple - Simple web stack (6 components, 1 hosts)',
    ]);
    expect(stderr()).toContain('dangling-backend.yaml:13:75 components[2].backends[1]: no component "nginx-9"');
  });

  it('rejects a missing argument as a usage error', async () => {
    const { io } = fakeIo();
    await expect(async () => validateCommand({ args: [], flags: noFlags, io })).rejects.toThrow(UsageError);
  });
});

describe('infra-tui validate (the built CLI)', () => {
  it('accepts every built-in file', () => {
    const files = ['0-simple', '1-distributed', '2-secured', '3-scaled', '4-high-availability'].map((f) => `topologies/${f}.yaml`);
    const { status, stdout } = run(...files);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^ok: ${files[i] ?? ''} — .+ \\(\\d+ components, \\d+ hosts\\)$`)));
  });

  it.each([
    ['several-problems', 3],
    ['unknown-kind', 1],
    ['yaml-syntax', 2],
    ['escape-in-label', 1],
    ['replication-inconsistent', 2],
  ])('exits 2 on %s with one line per problem and no stack trace', (name, count) => {
    const { status, stdout, stderr } = run(malformed(name));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(count);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${malformed(name).replace(/\./g, '\\.')}:\\d+:\\d+[ :]`));
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+\)|Error:/);
    expect(stderr).not.toContain('\u001b');
  });

  it.each([
    [[], /^infra-tui: validate needs a file: infra-tui validate <file\.yaml>$/],
    [['no-such-file.yaml'], /^no-such-file\.yaml: cannot read the file: no such file$/],
    [['nonsense'], /^no topology "nonsense": use a number 0-4/],
  ])('exits 2 with one line for %j', (args, message) => {
    const { status, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });
});
