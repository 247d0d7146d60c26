/**
 * What a SPOF worker thread is started with (its `workerData`, see spof-worker.ts), kept apart
 * from the worker's code: the CLI's entry asks whether it was started as such a worker without
 * loading the engine, which only the worker and the `spof` command need.
 */

/** The analysis a worker takes part in, and the counter of the next failure to take. */
export interface SpofTask {
  readonly task: 'spof-rows';
  readonly seed: number;
  readonly next: SharedArrayBuffer;
}

/** Whether `data` (a worker's `workerData`) asks for SPOF rows. */
export function isSpofTask(data: unknown): data is SpofTask {
  return typeof data === 'object' && data !== null && (data as { task?: unknown }).task === 'spof-rows';
}
