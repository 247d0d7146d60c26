/**
 * `infra-tui serve` with a class logged in over SSH: the built bundle as an operator runs it, and
 * real ssh2 clients on loopback (their own decryption shares the machine with the server):
 * - the server's RSS with 50 sessions each exploring design 1 on its own app (target ≤ 200 MB),
 *   vs the same server with no session;
 * - a presenter's key → the new frame complete on every one of 50 followers on three terminal
 *   sizes: per key, the slowest follower; the median over keys (target ≤ 250 ms), vs the
 *   presenter's own frame; with the server's CPU time per key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type ClientChannel } from 'ssh2';
import type { BenchSuite } from './harness.js';

const CLI = 'dist/cli.js';
const SESSIONS = 50;
const KEYS = 12;
const sizes = [
  { cols: 80, rows: 24 },
  { cols: 100, rows: 30 },
  { cols: 120, rows: 40 },
] as const;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly output: () => string;
}

async function startServer(args: readonly string[]): Promise<Server> {
  const env = { ...process.env };
  delete env['CI'];
  const hostKey = join(mkdtempSync(join(tmpdir(), 'infra-tui-bench-')), 'host_key');
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host-key', hostKey, '--max-sessions', '100', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  for (;;) {
    const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
    if (port) return { child, port, output: () => out };
    if (child.exitCode !== null) throw new Error(`serve did not start: ${out}`);
    await pause(20);
  }
}

/** CPU time a process has used so far, in ms (user + system; Linux's /proc, in clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** The resident set of a process, in MB (Linux's /proc). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface Login {
  readonly client: Client;
  readonly channel: ClientChannel;
  /** Every chunk received, with its arrival time. */
  readonly chunks: { at: number; text: string }[];
}

function login(port: number, size: { cols: number; rows: number }, user = 'class', code = ''): Promise<Login> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.on('error', reject);
    client.on('keyboard-interactive', (_n, _i, _l, prompts, finish) => finish(prompts.map(() => code)));
    client.on('ready', () =>
      client.shell({ term: 'xterm-256color', ...size }, { env: { LANG: 'C.UTF-8' } }, (error, channel) => {
        if (error) return reject(error);
        const chunks: { at: number; text: string }[] = [];
        channel.on('data', (d: Buffer) => chunks.push({ at: performance.now(), text: d.toString('utf8') }));
        resolve({ client, channel, chunks });
      }),
    );
    client.connect({ host: '127.0.0.1', port, username: user, tryKeyboard: true, hostVerifier: () => true, readyTimeout: 60_000 });
  });
}

const text = (l: Login) => l.chunks.map((c) => c.text).join('');
async function until(logins: readonly Login[], marker: string, timeout = 60_000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!logins.every((l) => text(l).includes(marker))) {
    if (performance.now() > deadline) throw new Error(`not every session showed "${marker}"`);
    await pause(20);
  }
}
/** Waits until no session has received anything for `ms` (counted from `since` at the earliest). */
async function quiet(logins: readonly Login[], ms = 150, since = 0): Promise<void> {
  for (;;) {
    const last = Math.max(since, ...logins.map((l) => l.chunks.at(-1)?.at ?? 0));
    const wait = last + ms - performance.now();
    if (wait <= 0) return;
    await pause(wait);
  }
}
const loginAll = (port: number) => Promise.all(Array.from({ length: SESSIONS }, (_, i) => login(port, sizes[i % sizes.length] ?? sizes[0])));
const stop = (server: Server, logins: readonly Login[]) => {
  for (const l of logins) l.client.end();
  server.child.kill('SIGTERM');
};

const suite: BenchSuite = {
  name: 'serve: a class over SSH (50 sessions, loopback)',
  cases: [
    {
      name: 'server RSS with 50 sessions exploring design 1',
      run: async () => {
        const server = await startServer([]);
        await pause(300);
        const idle = rssMb(server.child.pid ?? 0);
        const logins = await loginAll(server.port);
        for (const l of logins) l.channel.write('1');
        await until(logins, 'Distributed web infrastructure');
        await quiet(logins, 500);
        const rss = rssMb(server.child.pid ?? 0);
        stop(server, logins);
        return { value: rss, unit: 'MB', target: 200, baseline: { value: idle, what: 'vs no session' }, detail: `${((rss - idle) / SESSIONS).toFixed(2)} MB per session` };
      },
    },
    {
      name: 'presenter key -> frame on all 50 followers (slowest)',
      run: async () => {
        const server = await startServer(['--presenter']);
        const followers = await loginAll(server.port);
        const code = /one-time code (\d{6})/.exec(server.output())?.[1] ?? '';
        const presenter = await login(server.port, sizes[1], 'presenter', code);
        await until(followers, 'following the presenter');
        presenter.channel.write('1');
        await until([presenter, ...followers], 'Distributed web infrastructure');
        await quiet([presenter, ...followers], 300);
        const slowest: number[] = [];
        const own: number[] = [];
        const all: number[] = [];
        const cpuBefore = cpuMs(server.child.pid ?? 0);
        for (let k = 0; k < KEYS; k++) {
          const marks = [presenter, ...followers].map((l) => l.chunks.length);
          const pressed = performance.now();
          presenter.channel.write('\t');
          const everyone = [presenter, ...followers];
          const deadline = pressed + 5000;
          while (everyone.some((l, i) => l.chunks.length <= (marks[i] ?? 0)) && performance.now() < deadline) await pause(5);
          await quiet(everyone, 150, pressed);
          const arrivals = [presenter, ...followers].map((l, i) => (l.chunks.length > (marks[i] ?? 0) ? (l.chunks.at(-1)?.at ?? pressed) - pressed : Number.NaN));
          own.push(arrivals[0] ?? 0);
          const theirs = arrivals.slice(1);
          if (theirs.some(Number.isNaN)) throw new Error('a follower received no frame for a key');
          slowest.push(Math.max(...theirs));
          all.push(...theirs);
        }
        const cpuPerKey = (cpuMs(server.child.pid ?? 0) - cpuBefore) / KEYS;
        stop(server, [presenter, ...followers]);
        return {
          value: median(slowest),
          unit: 'ms',
          target: 250,
          baseline: { value: median(own), what: "vs the presenter's own" },
          detail: `median follower ${median(all).toFixed(0)} ms over ${KEYS} keys, 3 sizes; server CPU ${cpuPerKey.toFixed(0)} ms per key`,
        };
      },
    },
  ],
};

export default suite;
