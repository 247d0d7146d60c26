/**
 * The interactive app in a real pseudo-terminal, against same-run baselines (runs interleaved,
 * medians):
 * - launch → first full frame of each design at 80×24 and 120×40, vs a bundled bare Ink "hello"
 *   at the same size (target ≤ 1.3×);
 * - bytes written per FORWARD step, over whole requests (send, step every hop to the answer,
 *   send the next), and per frame of traffic at 1×, vs a full redraw (Ctrl-L) at the same size
 *   (target ≤ 30 %);
 * - key → frame complete: from a key to the last byte of the frame it causes (target ≤ 17 ms);
 * - under live traffic at 10,000 QPS and 100× (design 1, 120×40): frames written per second
 *   (target ≥ 10) and key → frame showing its effect (target ≤ 80 ms).
 */
import type { BenchCase, BenchSuite } from './harness.js';
import { bytesSince, CLI, HELLO, launch, median, pause, screenText, settled, spawn, until, type Child } from './pty.js';

const RUNS = 5;
const SIZES = [
  [80, 24],
  [120, 40],
] as const;

function startupCase(design: string, columns: number, rows: number): BenchCase {
  return {
    name: `first frame of design ${design} at ${columns}x${rows}`,
    run: async () => {
      const app: number[] = [];
      const hello: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        hello.push(await launch(HELLO, [], 'hello', columns, rows));
        app.push(await launch(CLI, [design], '? help', columns, rows));
      }
      const [a, h] = [median(app), median(hello)];
      return { value: a / h, unit: 'x', target: 1.3, baseline: { value: 1, what: 'bare Ink hello' }, detail: `median of ${RUNS}: ${a.toFixed(0)} ms vs ${h.toFixed(0)} ms` };
    },
  };
}

/** Design `design` at columns × rows, drawn and quiet. */
async function opened(design: string, columns: number, rows: number): Promise<Child> {
  const child = spawn(CLI, [design], columns, rows);
  await until(child, '? help');
  await settled(child, 150);
  return child;
}

/** The bytes of a full redraw of the screen as it is (Ctrl-L), once quiet; `marker` is on every frame. */
async function fullRedraw(child: Child, marker = '? help'): Promise<number> {
  const from = child.chunks.length;
  child.term.write('\x0c');
  await until(child, marker, 5000, from);
  await settled(child, 150);
  return bytesSince(child, from);
}

/** Presses `key` and waits for the frame; returns its bytes and the time from key to its last byte. */
async function press(child: Child, key: string): Promise<{ bytes: number; complete: number }> {
  const from = child.chunks.length;
  const sent = performance.now();
  child.term.write(key);
  while (child.chunks.length === from) await pause(1);
  await settled(child, 40);
  return { bytes: bytesSince(child, from), complete: (child.chunks.at(-1)?.at ?? sent) - sent };
}

/** Sends a request and steps forward through every hop to the answer, `requests` times; one entry per forward step. */
async function forwardSteps(child: Child, requests: number): Promise<{ bytes: number; complete: number }[]> {
  const steps: { bytes: number; complete: number }[] = [];
  for (let r = 0; r < requests; r++) {
    const from = child.chunks.length;
    child.term.write('s');
    await until(child, 'Send a request', 5000, from);
    child.term.write('\r');
    await until(child, 'STEP 1/', 5000, from);
    await settled(child, 100);
    const hops = Number(/STEP 1\/(\d+)/.exec(screenText(child))?.[1] ?? 0);
    for (let hop = 1; hop < hops; hop++) steps.push(await press(child, ' '));
  }
  return steps;
}

function bytesPerStepCase(columns: number, rows: number): BenchCase {
  return {
    name: `bytes per forward step, whole requests, ${columns}x${rows}`,
    run: async () => {
      const child = await opened('3', columns, rows);
      const full = await fullRedraw(child);
      const steps = await forwardSteps(child, 3);
      child.term.kill();
      const bytes = median(steps.map((s) => s.bytes));
      return { value: (bytes / full) * 100, unit: '%', target: 30, baseline: { value: 100, what: 'full redraw' }, detail: `design 3, median of ${steps.length} steps: ${bytes} B, full redraw ${full} B` };
    },
  };
}

/** When each burst of output began (bursts at least `gap` ms apart): one per frame Ink writes. */
function frames(chunks: readonly { at: number; data: string }[], gap = 4): { at: number; bytes: number }[] {
  const out: { at: number; bytes: number }[] = [];
  let last = -Infinity;
  for (const c of chunks) {
    if (c.at - last >= gap) out.push({ at: c.at, bytes: 0 });
    const frame = out[out.length - 1] as { bytes: number };
    frame.bytes += Buffer.byteLength(c.data);
    last = c.at;
  }
  return out;
}

function bytesPerTrafficFrameCase(columns: number, rows: number): BenchCase {
  return {
    name: `bytes per traffic frame at 1x, ${columns}x${rows}`,
    run: async () => {
      const child = await opened('1', columns, rows);
      child.term.write('T');
      await until(child, 'TRAFFIC');
      await pause(1500);
      // Paused for the redraw, so no traffic frame is counted in it; then running again.
      child.term.write('p');
      await settled(child, 150);
      const full = await fullRedraw(child, 'TRAFFIC');
      child.term.write('p');
      await pause(500);
      const from = child.chunks.length;
      await pause(3000);
      const each = frames(child.chunks.slice(from)).map((f) => f.bytes);
      child.term.kill();
      const bytes = median(each);
      return { value: (bytes / full) * 100, unit: '%', target: 30, baseline: { value: 100, what: 'full redraw' }, detail: `design 1, median of ${each.length} frames: ${bytes} B, full redraw ${full} B` };
    },
  };
}

const keyCase: BenchCase = {
  name: 'key to frame complete (forward step, 120x40)',
  run: async () => {
    const child = await opened('3', 120, 40);
    const steps = await forwardSteps(child, 3);
    child.term.kill();
    const times = steps.map((s) => s.complete);
    return { value: median(times), unit: 'ms', target: 17, detail: `median of ${times.length} forward steps, design 3 (max ${Math.max(...times).toFixed(0)} ms)` };
  },
};

/** Design 1 at 120×40 under 10,000 QPS at 100×, warmed up (T enters traffic mode: it is never entered silently). */
async function loadedApp(): Promise<Child> {
  const child = await opened('1', 120, 40);
  for (const key of ['T', ...':qps 10000', '\r', ...':speed 100x', '\r']) {
    child.term.write(key);
    await pause(10);
  }
  await until(child, 'TRAFFIC 10000 QPS 100×');
  await pause(1500);
  return child;
}

async function trafficFramesCase() {
  const child = await loadedApp();
  const from = child.chunks.length;
  await pause(4000);
  const starts = frames(child.chunks.slice(from)).map((f) => f.at);
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
  return (await until(child, marker, 2000, from)) - sent;
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
    ...SIZES.flatMap(([c, r]) => ['0', '1', '2', '3', '4'].map((d) => startupCase(d, c, r))),
    ...SIZES.map(([c, r]) => bytesPerStepCase(c, r)),
    ...SIZES.map(([c, r]) => bytesPerTrafficFrameCase(c, r)),
    keyCase,
    { name: 'frames per second at 10k QPS, 100x', run: trafficFramesCase },
    { name: 'key to frame at 10k QPS, 100x', run: trafficKeyCase },
  ],
};
export default suite;
