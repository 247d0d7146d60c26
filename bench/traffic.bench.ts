/**
 * The traffic model: memory over a long run, and how fast ticks compute at high rates (the app
 * needs one frame at 100× speed, 10 s of virtual time, well within a 100 ms frame).
 */
import { timeMedian, type BenchSuite } from './harness.js';
import { loadBuiltin } from '../source/model/load-builtins.js';
import { createSim } from '../source/sim/engine.js';
import { tickForSpeed } from '../source/sim/traffic/timings.js';
import { startTraffic, tickTraffic } from '../source/sim/traffic/traffic.js';
import type { TrafficState } from '../source/sim/traffic/types.js';

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use and RSS after a full collection, in MB. */
function memoryAfterGc(): { heap: number; rss: number } {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 1_048_576, rss: m.rss / 1_048_576 };
}

function runFor(ts: TrafficState, seconds: number): TrafficState {
  let s = ts;
  for (let i = 0; i < seconds; i++) s = tickTraffic(s, 1000).state;
  return s;
}

/** Simulated seconds per real second, measured over `seconds` of virtual time. */
function speed(design: string, qps: number, tickMs: number, seconds = 10): { median: number; rate: number } {
  let ts = runFor(startTraffic(createSim(loadBuiltin(design)), { qps, tickMs }), 2);
  const median = timeMedian(() => {
    ts = tickTraffic(ts, seconds * 1000).state;
  }, 15, 3);
  return { median, rate: (seconds * 1000) / median };
}

const suite: BenchSuite = {
  name: 'traffic',
  cases: [
    {
      // The baseline is taken once the log ring buffer is full (10 min in); the heap is the figure
      // that shows a leak, RSS moves with the allocator's pools by tens of MB either way.
      name: '1 h at 1,000 QPS (design 1): heap growth after GC',
      run: () => {
        let ts = runFor(startTraffic(createSim(loadBuiltin('1')), { qps: 1000 }), 600);
        const before = memoryAfterGc();
        const start = performance.now();
        ts = runFor(ts, 3000);
        const seconds = (performance.now() - start) / 1000;
        const after = memoryAfterGc();
        const detail = `heap ${before.heap.toFixed(1)} → ${after.heap.toFixed(1)} MB, RSS ${before.rss.toFixed(1)} → ${after.rss.toFixed(1)} MB from minute 10 to 60; ${seconds.toFixed(1)} s for those 50 min; ${ts.log.length} log lines kept`;
        return { value: after.heap - before.heap, unit: 'MB', target: 2, detail };
      },
    },
    {
      name: 'one frame at 100x: 10 s virtual, 10k QPS, design 4',
      run: () => {
        const coarse = speed('4', 10_000, tickForSpeed(100));
        const fine = speed('4', 10_000, tickForSpeed(1));
        return { value: coarse.median, unit: 'ms', target: 50, baseline: { value: fine.median, what: 'vs 100 ms ticks' }, detail: `${tickForSpeed(100)} ms ticks` };
      },
    },
    {
      name: 'virtual s per real s at 10k QPS, design 4 (1 s ticks)',
      run: () => ({ value: speed('4', 10_000, tickForSpeed(100)).rate, unit: 'x', target: 200, higherIsBetter: true }),
    },
    {
      name: 'virtual s per real s at 10k QPS, design 1 (100 ms ticks)',
      run: () => ({ value: speed('1', 10_000, tickForSpeed(1)).rate, unit: 'x', detail: 'the tick used at 1x speed' }),
    },
  ],
};

export default suite;
