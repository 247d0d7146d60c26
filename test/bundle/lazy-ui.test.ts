import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../source/commands/registry.js';
import { commands } from '../../source/commands/registry.js';
import { CLI, ptySessions } from '../e2e/pty-session.js';

/**
 * Preloaded into the built CLI: records every `Symbol.for` key the process asks for. React asks
 * for its element symbols (`react.element`, `react.transitional.element`, ...) as soon as it is
 * evaluated, and Ink cannot be evaluated without React, so no `react.` key means neither ran.
 */
const recorder = [
  "import { writeFileSync } from 'node:fs';",
  'const keys = new Set();',
  'const symbolFor = Symbol.for;',
  'Symbol.for = (key) => (keys.add(String(key)), symbolFor(key));',
  "process.on('exit', () => writeFileSync(process.env.SYMBOLS_FILE, [...keys].join('\\n')));",
].join('\n');
const preload = `--import=data:text/javascript,${encodeURIComponent(recorder)}`;

const dir = mkdtempSync(join(tmpdir(), 'infra-tui-lazy-ui-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

const reactKeys = (file: string) => readFileSync(file, 'utf8').split('\n').filter((key) => key.startsWith('react.'));

/** Runs the built CLI without a terminal; returns its exit code and the React symbols it asked for. */
function run(args: readonly string[]): { code: number | null; stderr: string; react: string[] } {
  const file = join(dir, `${runs++}.txt`);
  const result = spawnSync(process.execPath, [preload, CLI, ...args], { encoding: 'utf8', env: { ...process.env, SYMBOLS_FILE: file } });
  return { code: result.status, stderr: result.stderr, react: reactKeys(file) };
}

/** Arguments that make each non-interactive command do its whole job. */
const jobs: Record<Exclude<CommandName, 'interactive' | 'serve'>, readonly string[]> = {
  list: [],
  validate: ['topologies/3-scaled.yaml'],
  print: ['1', '--fail', 'server-1'],
  trace: ['1', '--fail', 'server-1'],
  spof: ['2'],
  compare: [],
  simulate: ['1', '--duration', '5s', '--at', '2s fail server-1'],
  export: ['2', '--format', 'markdown'],
  config: ['2', '--out', join(dir, 'config')],
  play: ['0-simple-one-server', '--print'],
};

describe('the commands that print load neither React nor Ink', () => {
  it.each(Object.entries(jobs))('%s', (name, args) => {
    expect(Object.keys(commands)).toContain(name);
    const { code, stderr, react } = run([name, ...args]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(react).toEqual([]);
  });

  it('nor does the app when it is not on a terminal and prints the diagram instead', () => {
    expect(run(['1'])).toMatchObject({ code: 0, react: [] });
  });

  const session = ptySessions({ columns: 100, rows: 30 });
  it('while the app on a terminal does (the recorder sees React when it runs)', async () => {
    const file = join(dir, 'app.txt');
    const app = session({ args: ['1'], env: { NODE_OPTIONS: preload, SYMBOLS_FILE: file } });
    await app.waitFor('q quit');
    await app.press('q');
    expect(await app.exit()).toBe(0);
    expect(reactKeys(file)).toContain('react.transitional.element');
  });
});
