/**
 * The built CLI (or a bare Ink app) in a real pseudo-terminal, as a user runs it: what it
 * writes, when, and how much memory it holds.
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { readFileSync } from 'node:fs';

export const CLI = 'dist/cli.js';
/** A bare Ink "hello", bundled by scripts/bench.js as the CLI is. */
export const HELLO = 'dist/ink-hello.js';

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Child {
  readonly term: pty.IPty;
  /** Every chunk written so far, with its arrival time. */
  readonly chunks: { at: number; data: string }[];
  /** The screen the output draws, as a terminal shows it. */
  readonly screen: InstanceType<typeof xterm.Terminal>;
  /** Called with each chunk's arrival time once the screen shows it. */
  readonly drawn: Set<(at: number) => void>;
}

export function spawn(script: string, args: readonly string[], columns: number, rows: number): Child {
  const env = { ...process.env } as Record<string, string>;
  delete env['CI'];
  const term = pty.spawn(process.execPath, [script, ...args], { cols: columns, rows, env, name: 'xterm-256color' });
  const child: Child = { term, chunks: [], screen: new xterm.Terminal({ cols: columns, rows, allowProposedApi: true }), drawn: new Set() };
  term.onData((data) => {
    const at = performance.now();
    child.chunks.push({ at, data });
    child.screen.write(data, () => child.drawn.forEach((f) => f(at)));
  });
  return child;
}

/** The text of every row of the screen. */
export function screenText(child: Child): string {
  const b = child.screen.buffer.active;
  return Array.from({ length: child.screen.rows }, (_, y) => b.getLine(b.viewportY + y)?.translateToString(true) ?? '').join('\n');
}

/**
 * Waits until the screen shows `marker` after output that came after chunk `from`; returns the
 * arrival time of the chunk that made it show. The screen, not the bytes: a frame may write only
 * the changed part of a line, so a marker need not be written whole.
 */
export function until(child: Child, marker: string, timeout = 10_000, from = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = (at: number) => {
      if (child.chunks.length <= from || !screenText(child).includes(marker)) return;
      stop();
      resolve(at);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no "${marker}" within ${timeout} ms`));
    }, timeout);
    const stop = () => {
      clearTimeout(timer);
      child.drawn.delete(check);
    };
    child.drawn.add(check);
    child.screen.write('', () => check(child.chunks.at(-1)?.at ?? performance.now()));
  });
}

/** Launch to the first frame showing `marker`, in ms. */
export async function launch(script: string, args: readonly string[], marker: string, columns = 100, rows = 30, timeout = 10_000): Promise<number> {
  const start = performance.now();
  const child = spawn(script, args, columns, rows);
  try {
    return (await until(child, marker, timeout)) - start;
  } finally {
    child.term.kill();
    await pause(50);
  }
}

/** Resident memory of the child in MB (Linux). */
export function rssOf(child: Child): number {
  const status = readFileSync(`/proc/${child.term.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Bytes written since chunk `from`. */
export const bytesSince = (child: Child, from: number) => child.chunks.slice(from).reduce((n, c) => n + Buffer.byteLength(c.data), 0);

/** Waits until nothing has been written for `quiet` ms. */
export async function settled(child: Child, quiet = 60): Promise<void> {
  for (;;) {
    const count = child.chunks.length;
    await pause(quiet);
    if (child.chunks.length === count) return;
  }
}
