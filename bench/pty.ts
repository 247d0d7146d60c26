/**
 * The built CLI (or a bare Ink app) in a real pseudo-terminal, as a user runs it: what it
 * writes, when, and how much memory it holds.
 */
import pty from '@lydell/node-pty';
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

export const CLI = 'dist/cli.js';
/** A bare Ink "hello", bundled by scripts/bench.js as the CLI is. */
export const HELLO = 'dist/ink-hello.js';

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Child {
  readonly term: pty.IPty;
  /** Every chunk written so far, with its arrival time. */
  readonly chunks: { at: number; data: string }[];
}

export function spawn(script: string, args: readonly string[], columns: number, rows: number): Child {
  const env = { ...process.env } as Record<string, string>;
  delete env['CI'];
  const term = pty.spawn(process.execPath, [script, ...args], { cols: columns, rows, env, name: 'xterm-256color' });
  const chunks: { at: number; data: string }[] = [];
  term.onData((data) => chunks.push({ at: performance.now(), data }));
  return { term, chunks };
}

/** Waits until the output since chunk `from` contains `marker`; returns the time it arrived. */
export async function until(child: Child, marker: string, timeout = 10_000, from = 0): Promise<number> {
  const deadline = performance.now() + timeout;
  for (;;) {
    let text = '';
    for (let i = from; i < child.chunks.length; i++) {
      const chunk = child.chunks[i] as { at: number; data: string };
      text += chunk.data;
      if (stripVTControlCharacters(text).includes(marker)) return chunk.at;
    }
    if (performance.now() > deadline) throw new Error(`no "${marker}" within ${timeout} ms`);
    await pause(2);
  }
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
