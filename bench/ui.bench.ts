/**
 * The interactive app in a real pseudo-terminal, against same-run baselines:
 * - launch → first full frame of `infra-tui 1`, vs a bundled bare Ink "hello" (target ≤ 1.3×);
 * - bytes written per step at 120×40, vs a full-frame redraw (target ≤ 30 %);
 * - key → frame: from writing a key to the first byte of the new frame (target ≤ 17 ms median);
 * - under live traffic at 10,000 QPS and 100× (design 1, 120×40): frames written per second
 *   (target ≥ 10) and key → frame, from a key to the frame showing its effect (target: within
 *   one frame, ≤ 80 ms at the 12.5 frames a second the traffic clock drives).
 */
import pty from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import type { BenchSuite } from './harness.js';

const CLI = 'dist/cli.js';
/** A bare Ink "hello", bundled by scripts/bench.js as the CLI is. */
const HELLO = 'dist/ink-hello.js';
const RUNS = 7;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Child {
  readonly term: pty.IPty;
  /** Every chunk written so far, with its arrival time. */
  readonly chunks: { at: number; data: string }[];
}

function spawn(script: string, args: readonly string[], columns: number, rows: number): Child {
  const env = { ...process.env } as Record<string, string>;
  delete env['CI'];
  const term = pty.spawn(process.execPath, [script, ...args], { cols: columns, rows, env, name: 'xterm-256color' });
  const chunks: { at: number; data: string }[] = [];
  term.onData((data) => chunks.push({ at: performance.now(), data }));
  return { term, chunks };
}

/** Waits until the output so far contains `marker`; returns the time it arrived. */
async function until(child: Child, marker: string, timeout = 10_000): Promise<number> {
  const deadline = performance.now() + timeout;
  for (;;) {
    let text = '';
    for (const chunk of child.chunks) {
      text += chunk.data;
      if (stripVTControlCharacters(text).includes(marker)) return chunk.at;
    }
    if (performance.now() > deadline) throw new Error(`no "${marker}" within ${timeout} ms`);
    await pause(2);
  }
}

/** Launch to first frame: the hints row is the last row the app draws. */
async function launch(script: string, args: readonly string[], marker: string): Promise<number> {
  const start = performance.now();
  const child = spawn(script, args, 100, 30);
  const at = await until(child, marker);
  child.term.kill();
  await pause(50);
  return at - start;
}

async function startupCase() {
  const app: number[] = [];
  const hello: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    hello.push(await launch(HELLO, [], 'hello'));
    app.push(await launch(CLI, ['1'], 'q quit'));
  }
  const [a, h] = [median(app), median(hello)];
  return { value: a / h, unit: 'x', target: 1.3, detail: `median of ${RUNS}: ${a.toFixed(0)} ms vs ${h.toFixed(0)} ms for a bundled bare Ink "hello"` };
}

/** An app at 120×40 with a request sent, settled, ready to step. */
async function steppingApp(): Promise<Child> {
  const child = spawn(CLI, ['1'], 120, 40);
  await until(child, 'q quit');
  child.term.write('s');
  await until(child, 'Send a request');
  child.term.write('\r');
  await until(child, 'hop 1 of');
  await pause(100);
  return child;
}

/** Sends a key and returns the bytes written and the delay to the first byte, once quiet. */
async function press(child: Child, key: string): Promise<{ bytes: number; delay: number }> {
  const from = child.chunks.length;
  const sent = performance.now();
  child.term.write(key);
  while (child.chunks.length === from) await pause(1);
  const first = child.chunks[from]?.at ?? sent;
  await pause(60);
  const bytes = child.chunks.slice(from).reduce((n, c) => n + Buffer.byteLength(c.data), 0);
  return { bytes, delay: first - sent };
}

async function bytesCase() {
  const child = await steppingApp();
  // A full redraw writes every row of the frame; the frame as first drawn is that size.
  const fullFrame = Buffer.byteLength(child.chunks.map((c) => c.data).join('').split('\x1b[?1049h').pop()?.split('Send a request')[0] ?? '');
  const steps: number[] = [];
  for (let i = 0; i < 8; i++) steps.push((await press(child, i % 2 === 0 ? ' ' : 'b')).bytes);
  child.term.kill();
  return { value: (median(steps) / fullFrame) * 100, unit: '%', target: 30, baseline: { value: 100, what: 'full-frame redraw' }, detail: `median ${median(steps)} B per step, full frame ${fullFrame} B` };
}

async function keyCase() {
  const child = await steppingApp();
  const delays: number[] = [];
  for (let i = 0; i < 20; i++) delays.push((await press(child, i % 2 === 0 ? ' ' : 'b')).delay);
  child.term.kill();
  return { value: median(delays), unit: 'ms', target: 17, detail: `median of ${delays.length} steps at 120x40` };
}

/** Design 1 at 120×40 under 10,000 QPS at 100×, warmed up (T enters traffic mode: it is never entered silently). */
async function loadedApp(): Promise<Child> {
  const child = spawn(CLI, ['1'], 120, 40);
  await until(child, 'q quit');
  for (const key of ['T', ...':qps 10000', '\r', ...':speed 100x', '\r']) {
    child.term.write(key);
    await pause(10);
  }
  await until(child, 'TRAFFIC 10000 QPS 100×');
  await pause(1500);
  return child;
}

/** When each burst of output began (bursts at least `gap` ms apart): one per frame Ink writes. */
function frameStarts(chunks: readonly { at: number }[], gap = 4): number[] {
  const starts: number[] = [];
  let last = -Infinity;
  for (const c of chunks) {
    if (c.at - last >= gap) starts.push(c.at);
    last = c.at;
  }
  return starts;
}

async function trafficFramesCase() {
  const child = await loadedApp();
  const from = child.chunks.length;
  await pause(4000);
  const starts = frameStarts(child.chunks.slice(from));
  child.term.kill();
  const seconds = ((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / 1000;
  const rate = seconds > 0 ? (starts.length - 1) / seconds : 0;
  return { value: rate, unit: 'frames/s', target: 10, higherIsBetter: true, detail: `${starts.length} frames in ${seconds.toFixed(1)} s at 10,000 QPS, 100x, design 1, 120x40` };
}

/** From writing `key` to the output showing `marker`. */
async function effect(child: Child, key: string, marker: string): Promise<number> {
  const from = child.chunks.length;
  const sent = performance.now();
  child.term.write(key);
  for (;;) {
    const text = stripVTControlCharacters(child.chunks.slice(from).map((c) => c.data).join(''));
    if (text.includes(marker)) return (child.chunks[child.chunks.length - 1]?.at ?? sent) - sent;
    if (performance.now() - sent > 2000) throw new Error(`no "${marker}" after ${key}`);
    await pause(1);
  }
}

async function trafficKeyCase() {
  const child = await loadedApp();
  const delays: number[] = [];
  for (let i = 0; i < 10; i++) {
    delays.push(await effect(child, 'e', 'Log: '));
    await pause(120);
    delays.push(await effect(child, 'e', 'Traffic · '));
    await pause(120);
  }
  child.term.kill();
  return { value: median(delays), unit: 'ms', target: 80, detail: `median of ${delays.length} view toggles under load (max ${Math.max(...delays).toFixed(0)} ms)` };
}

const suite: BenchSuite = {
  name: 'ui (pseudo-terminal)',
  cases: [
    { name: 'launch to first frame of infra-tui 1', run: startupCase },
    { name: 'bytes written per step at 120x40', run: bytesCase },
    { name: 'key to frame (step / back)', run: keyCase },
    { name: 'frames per second at 10k QPS, 100x', run: trafficFramesCase },
    { name: 'key to frame at 10k QPS, 100x', run: trafficKeyCase },
  ],
};
export default suite;
