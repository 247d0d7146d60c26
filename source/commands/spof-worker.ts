/**
 * A big SPOF analysis shared with a second core: the CLI's own bundle started again as a worker
 * thread. Both sides take the next run of failures from one shared counter until none are left,
 * so neither waits for the other however the costly failures are spread; the failures are taken
 * in `spofOrder`, a host's together. A row depends on the topology, the seed and its failure
 * alone: put back in index order, the rows are exactly the ones one thread computes. The work all rows start from is done once, by the main thread while
 * the worker starts, and sent to it with the topology.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import type { Topology } from '../model/types.js';
import { adoptSpofWork, spofOrder, spofRowsAt, spofWork, type SpofRow, type SpofWork } from '../sim/index.js';
import type { SpofTask } from './spof-task.js';

/** Failures taken at a time: consecutive ones share more of their work than scattered ones. */
const RUN = 8;

/** What a worker is sent once the main thread has done the shared work: the topology and that work, in one message. */
interface SharedWork {
  readonly topology: Topology;
  readonly work: SpofWork;
}

/** Rows and the indices of their failures, or the worker's last word. */
type Message = { readonly indices: readonly number[]; readonly rows: readonly SpofRow[] } | { readonly end: true };

/** The indices of the next run of failures in `order`, from the shared counter, or null when all are taken. */
function take(next: Int32Array, order: readonly number[]): readonly number[] | null {
  const start = Atomics.add(next, 0, RUN);
  return start < order.length ? order.slice(start, start + RUN) : null;
}

/** In the worker: once the shared work arrives, takes runs of failures and sends each run's rows, until none are left. */
export function runSpofTask(task: SpofTask): void {
  parentPort?.once('message', ({ topology, work }: SharedWork) => {
    adoptSpofWork(topology, task.seed, work);
    const next = new Int32Array(task.next);
    const order = spofOrder(topology);
    for (let indices = take(next, order); indices; indices = take(next, order)) {
      parentPort?.postMessage({ indices, rows: spofRowsAt(topology, task.seed, indices) } satisfies Message);
    }
    parentPort?.postMessage({ end: true } satisfies Message);
  });
}

/** An analysis shared with a worker: the main thread calls `step` until it returns false, then awaits `finished`. */
export interface SharedSpof {
  /** Computes the main thread's next run of failures; false once none are left to take. */
  readonly step: () => boolean;
  /** How many rows are done, on both sides. */
  readonly done: () => number;
  /** All the rows in index order, once the worker has sent its last; rejects when it fails. */
  readonly finished: Promise<SpofRow[]>;
  readonly stop: () => void;
}

/**
 * Starts sharing the analysis with a worker running `entry` (the bundled CLI), or returns null
 * when the machine has one core (a worker would only take turns with the main thread) or there
 * is no bundle to run (the sources, under test).
 */
export function sharedSpof(entry: string | undefined, topology: Topology, seed: number): SharedSpof | null {
  if (entry === undefined || !entry.endsWith('.js') || availableParallelism() < 2) return null;
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const order = spofOrder(topology);
  const rows: SpofRow[] = [];
  let done = 0;
  const keep = (indices: readonly number[], got: readonly SpofRow[]) => {
    indices.forEach((i, k) => (rows[i] = got[k] as SpofRow));
    done += got.length;
  };
  const worker = new Worker(entry, { workerData: { task: 'spof-rows', seed, next } satisfies SpofTask, stdout: true, stderr: true });
  try {
    // Done here while the worker starts, rather than on both threads.
    worker.postMessage({ topology, work: spofWork(topology, seed) } satisfies SharedWork);
  } catch (error) {
    // A worker left waiting would keep the process alive.
    void worker.terminate();
    throw error;
  }
  let mainDone = false;
  let workerDone = false;
  let settle: () => void = () => undefined;
  const finished = new Promise<SpofRow[]>((resolve, reject) => {
    settle = () => {
      if (mainDone && workerDone) resolve(rows);
    };
    worker.on('message', (m: Message) => {
      if ('end' in m) workerDone = true;
      else keep(m.indices, m.rows);
      settle();
    });
    worker.on('error', reject);
    // A worker that sent all its rows ends while the main thread may still be on its last run.
    worker.on('exit', (code) => {
      if (!workerDone) reject(new Error(`the analysis worker ended (${code}) before its rows`));
    });
  });
  // Stopped early (Ctrl-C), nobody waits for the rows: their failure is expected then.
  finished.catch(() => undefined);
  const step = () => {
    const indices = take(counter, order);
    if (!indices) {
      mainDone = true;
      settle();
      return false;
    }
    keep(indices, spofRowsAt(topology, seed, indices));
    return true;
  };
  return { step, done: () => done, finished, stop: () => void worker.terminate() };
}
