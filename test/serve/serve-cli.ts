import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../e2e/pty-session.js';

/** `infra-tui serve` from the built bundle, as an operator starts it, with what it printed. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly hostKey: string;
  /** Everything it printed on stdout so far. */
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** Starts the built CLI's `serve` on a free loopback port (CI unset, as a terminal would have it). */
export async function startServeProcess(args: readonly string[] = []): Promise<ServeProcess> {
  const hostKey = join(mkdtempSync(join(tmpdir(), 'infra-tui-serve-cli-')), 'host_key');
  const env = { ...process.env };
  delete env['CI'];
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host-key', hostKey, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 15_000;
  let port: number | undefined;
  while (port === undefined) {
    port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(out)?.[1]) || undefined;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, hostKey, output: () => out, exited };
}
