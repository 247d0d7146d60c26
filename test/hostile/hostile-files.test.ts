import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommandError } from '../../source/commands/command-error.js';
import { commands, type CommandName } from '../../source/commands/registry.js';
import { builtins } from '../../source/model/load-builtins.js';
import { loadTopology } from '../../source/model/load-topology.js';
import { routeKey } from '../../source/ui/keys/route-key.js';
import { initialAppState } from '../../source/ui/state/app-state.js';
import { createAppStore } from '../../source/ui/state/app-store.js';
import { fakeIo, noFlags } from '../cli/fake-io.js';
import type { Flags } from '../../source/commands/context.js';
import { CLI } from '../e2e/pty-session.js';
import { listenOnSocket, writeCorpus, type HostileFile } from './corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'infra-tui-hostile-'));
const corpus = writeCorpus(dir);
let socket: Server | undefined;
beforeAll(async () => {
  socket = await listenOnSocket(join(dir, 'socket.yaml'));
});
afterAll(() => {
  socket?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every command that reads a topology file, with the flags that keep its work small. */
const runs: readonly (readonly [CommandName, Partial<Flags>])[] = [
  ['validate', {}],
  ['print', { width: 100 }],
  ['interactive', {}],
  ['trace', { count: '2' }],
  ['trace', { fail: 'web-1', json: true }],
  ['spof', { json: true }],
  ['simulate', { duration: '3s' }],
  ['export', { format: 'markdown' }],
  ['export', { format: 'mermaid' }],
  ['export', { format: 'dot' }],
  ['export', { format: 'json' }],
  ['config', { out: join(dir, 'out') }],
];

/** Control, C1 and text-direction characters: none may reach a terminal from a file. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A command in-process, as the CLI runs it (its errors reported as the CLI reports them). */
async function run(name: CommandName, file: string, flags: Partial<Flags>) {
  const { io, stdout, stderr } = fakeIo({ cwd: dir });
  let code: number;
  try {
    code = await commands[name]({ args: [file], flags: { ...noFlags, ...flags }, io });
  } catch (error) {
    code = reportCommandError(error, io);
  }
  return { code, out: stdout(), err: stderr() };
}

function expectClearEnding(file: HostileFile, result: { code: number; out: string; err: string }): void {
  expect(result.code).toBe(file.exit);
  expect(result.out).not.toMatch(unsafe);
  expect(result.err).not.toMatch(unsafe);
  expect(result.err).not.toMatch(/^\s+at /m);
  const lines = result.err.split('\n').filter(Boolean);
  if (file.exit === 0) return;
  expect(lines.length).toBeGreaterThan(0);
  if (file.special) expect(lines).toHaveLength(1);
  // Each line says where: the file as typed (shown inert), or the program's name.
  for (const line of lines) expect(line.startsWith(file.name.replace(unsafe, '').slice(0, 4)) || line.startsWith('infra-tui: ')).toBe(true);
}

describe('the hostile corpus', () => {
  it('holds at least 60 files, special files among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((f) => f.special).length).toBeGreaterThanOrEqual(10);
  });

  describe.each(corpus.map((f) => [f.name.replace(unsafe, '?').slice(0, 60), f] as const))('%s', (_, file) => {
    it.each(runs.map(([name, flags]) => [`${name} ${JSON.stringify(flags)}`, name, flags] as const))('%s: the right exit code, one clear line per problem, nothing unsafe', async (_label, name, flags) => {
      expectClearEnding(file, await run(name, file.name, flags));
    });

    // A name with a control character cannot be typed on the `:` line: no such case to run.
    if (!unsafe.test(file.name)) it(':goto in the app: opened, or a footer line and the app still on its screen', async () => {
      const store = createAppStore(initialAppState(1));
      const env = { loadTopology: (arg: string) => loadTopology(arg, dir), designs: builtins };
      for (const ch of `:goto ${file.name}`) routeKey({ name: ch === ' ' ? 'space' : ch, input: ch }, { store, env, boxes: [], usable: true });
      routeKey({ name: 'enter', input: '' }, { store, env, boxes: [], usable: true });
      await new Promise((r) => setTimeout(r, 50));
      const state = store.getState();
      if (file.exit === 0) expect(state.design?.topology.id).toBe('my-site');
      else {
        expect(state.design).toBeNull();
        expect(state.message?.level).toBe('error');
        expect(state.message?.text).not.toMatch(unsafe);
        expect(state.message?.text).not.toContain('\n');
      }
    });
  });
});

/** The built CLI on `file`: a real process, so a blocking open() would show as a time-out. */
function runCli(args: readonly string[]): Promise<{ code: number | null; err: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  return new Promise((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve({ code, err, ms: Date.now() - started }))));
}

describe('special files through the built CLI', () => {
  const specials = corpus.filter((f) => f.special && !f.name.includes('/') && f.name.length < 100);
  it.each(specials.map((f) => [f.name]))('%s: refused in one line, exit 2, without waiting on it', async (name) => {
    for (const command of ['print', 'validate', 'trace', 'play']) {
      const result = await runCli([command, name]);
      expect(result.code, result.err).toBe(2);
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.err).toMatch(/^[\w./-]+: /);
    }
  });
});
