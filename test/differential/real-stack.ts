/**
 * The real thing on loopback: HAProxy and Nginx started from the configuration `infra-tui config`
 * generates (every listener moved to a free 127.0.0.1 port, every path under a scratch folder,
 * HAProxy in the foreground logging to stdout), with stand-in app servers behind them.
 * Everything it starts is a child process it ends in `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { configFiles, type ConfigFile, type Placement } from '../../source/export/config-files.js';
import { pathsIn, rebasePaths } from '../../source/export/config-paths.js';
import type { Topology } from '../../source/model/types.js';
import { startApp, type AppMode, type StandIn } from './stand-in-app.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  await new Promise<void>((ok) => server.close(() => ok()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Every (host, port) of the topology on its own free loopback port, the same one each time it is asked. */
async function loopbackPlacement(count: number): Promise<{ placement: Placement; portOf: (host: string, port: number) => number }> {
  const pool = await Promise.all(Array.from({ length: count }, freePort));
  const given = new Map<string, number>();
  const portOf = (host: string, port: number): number => {
    const key = `${host}:${port}`;
    if (!given.has(key)) given.set(key, pool[given.size] ?? 0);
    return given.get(key) as number;
  };
  return { placement: (host, port) => ({ ip: '127.0.0.1', port: portOf(host, port), reach: `127.0.0.1:${portOf(host, port)}` }), portOf };
}

/** A line a program printed, with when it arrived (ms, performance.now()). */
interface Logged {
  readonly at: number;
  readonly text: string;
}

/** haproxy.cfg made to run unprivileged in the foreground: no chroot, user or daemon, logs on stdout. */
function runnableHaproxy(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s+(chroot|user|group|daemon|stats socket)\b/.test(l))
    .map((l) => (/^\s+log \/dev\/log/.test(l) ? '    log stdout format raw local0' : l))
    .join('\n');
}

function writeHost(root: string, files: readonly ConfigFile[]): void {
  for (const f of files) {
    let text = `${f.lines.join('\n')}\n`;
    if (f.path === '/etc/haproxy/haproxy.cfg') text = runnableHaproxy(text);
    if (f.path === '/etc/nginx/nginx.conf' && process.getuid?.() !== 0) text = text.replace(/^user .*\n/m, '');
    for (const p of pathsIn(text)) mkdirSync(dirname(join(root, p)), { recursive: true });
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), rebasePaths(text, root));
  }
}

export interface StackOptions {
  /** How each app server's stand-in answers (default: like the simulation's app). */
  readonly apps?: Readonly<Record<string, AppMode>>;
  /** Files to put under each web host's site root, by path (e.g. /static/logo.png). */
  readonly statics?: Readonly<Record<string, string>>;
}

export interface Stack {
  readonly haproxyLog: Logged[];
  /** Sends one request to HAProxy on a new connection. */
  send(method: string, path: string): Promise<{ status: number; body: string; ms: number }>;
  /** The child process of a component (an Nginx or a stand-in app). */
  process(id: string): ChildProcess;
  /** Kills a component's process and resolves once it has exited (its port then refuses). */
  kill(id: string): Promise<void>;
  /** Starts a component's process again (after it was stopped), as it was started. */
  restart(id: string): Promise<void>;
  stop(): Promise<void>;
}

function spawnLogged(command: string, args: string[], log: Logged[] | null): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const take = (chunk: Buffer) => {
    const at = performance.now();
    for (const text of chunk.toString('utf8').split('\n')) if (text.trim() !== '' && log) log.push({ at, text });
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return child;
}

/** Starts the topology's load balancer, web servers and stand-in apps; resolves when HAProxy listens. */
export async function startStack(topology: Topology, options: StackOptions = {}): Promise<Stack> {
  const scratch = mkdtempSync(join(tmpdir(), 'infra-tui-differential-'));
  chmodSync(scratch, 0o755);
  const { placement, portOf } = await loopbackPlacement(16);
  const files = configFiles(topology, placement);
  const children = new Map<string, ChildProcess>();
  const starters = new Map<string, () => ChildProcess>();
  const apps: StandIn[] = [];
  const haproxyLog: Logged[] = [];
  const lb = topology.components.find((c) => c.kind === 'load-balancer');
  if (lb?.kind !== 'load-balancer' || !lb.host) throw new Error('the differential stack needs a load balancer on a host');
  try {
    for (const app of topology.components) {
      if (app.kind !== 'app-server' || !app.host) continue;
      apps.push(await startApp(app.id, portOf(app.host, app.port), topology.domain, options.apps?.[app.id] ?? { kind: 'ok' }));
      children.set(app.id, (apps.at(-1) as StandIn).child);
    }
    for (const web of topology.components) {
      if (web.kind !== 'web-server' || !web.host) continue;
      const root = join(scratch, web.host);
      writeHost(root, files.filter((f) => f.owner === web.id));
      for (const [path, content] of Object.entries(options.statics ?? {})) {
        const file = join(root, 'var', 'www', topology.domain, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      // One process (no master and workers), so stopping or freezing it stops or freezes Nginx.
      const args = ['-c', join(root, 'etc/nginx/nginx.conf'), '-p', `${root}/`, '-e', join(root, 'var/log/nginx/error.log'), '-g', 'daemon off; master_process off;'];
      starters.set(web.id, () => spawnLogged('nginx', args, null));
      children.set(web.id, spawnLogged('nginx', args, null));
    }
    const lbRoot = join(scratch, lb.host);
    writeHost(lbRoot, files.filter((f) => f.owner === lb.id && f.path === '/etc/haproxy/haproxy.cfg'));
    children.set(lb.id, spawnLogged('haproxy', ['-db', '-f', join(lbRoot, 'etc/haproxy/haproxy.cfg')], haproxyLog));
  } catch (error) {
    for (const c of children.values()) c.kill('SIGKILL');
    throw error;
  }
  const port = portOf(lb.host, lb.port);
  const send = (method: string, path: string) =>
    new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
      const start = performance.now();
      const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: { host: `www.${topology.domain}` } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - start }));
      });
      req.setTimeout(20_000, () => req.destroy(new Error(`no answer from HAProxy within 20 s: ${method} ${path}`)));
      req.on('error', reject);
      req.end();
    });
  const stack: Stack = {
    haproxyLog,
    send,
    process: (id) => {
      const c = children.get(id);
      if (!c) throw new Error(`no process for ${id}`);
      return c;
    },
    kill: async (id) => {
      const c = children.get(id);
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((ok) => c.once('exit', ok));
      c.kill('SIGKILL');
      await exited;
    },
    restart: async (id) => {
      const start = starters.get(id);
      if (!start) throw new Error(`cannot restart ${id}`);
      children.set(id, start());
      await sleep(50);
    },
    stop: async () => {
      for (const c of children.values()) {
        if (c.exitCode !== null || c.signalCode !== null) continue;
        c.kill('SIGCONT');
        c.kill('SIGKILL');
      }
      await Promise.all([...children.values()].map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((ok) => c.once('exit', ok)))));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  // Ready when the frontend accepts a connection: no request is sent, so round robin starts afresh.
  await waitFor(() => accepts(port), 5_000, 'HAProxy did not start');
  return stack;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `test` every 20 ms until it holds, or fails after `limit` ms. */
export async function waitFor(test: () => boolean | Promise<boolean>, limit: number, what: string): Promise<void> {
  const end = performance.now() + limit;
  while (!(await test())) {
    if (performance.now() > end) throw new Error(`${what} within ${limit} ms`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
