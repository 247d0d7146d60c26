/** The parts of `process` a progress bar needs, so a test can hand in a fake. */
export interface ProgressHost {
  readonly stderr: { readonly isTTY?: boolean; readonly columns?: number; write(text: string): unknown };
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  readonly now: () => number;
}

export interface Progress {
  /** Shows `fraction` (0 to 1) done, once the work has lasted `delayMs`. */
  readonly update: (fraction: number) => void;
  /** Set once Ctrl-C or SIGTERM asked to stop: 128 + the signal's number, for the exit code. */
  readonly cancelled: () => number | undefined;
  /** Clears the bar and removes the signal handlers. */
  readonly done: () => void;
}

/** Work shorter than this shows no bar: a bar that flashes by is noise. */
const DELAY_MS = 1000;
const signals = { SIGINT: 2, SIGTERM: 15 } as const;

/**
 * A progress bar for work that runs long, on stderr and only when stderr is a terminal (a pipe,
 * a file, or no host at all gets nothing), drawn on one line that `done` clears. While it runs, Ctrl-C and
 * SIGTERM do not kill the process outright: they clear the bar and mark the work cancelled,
 * which the work checks between its slices (it must yield to the event loop for that).
 */
export function startProgress(host: ProgressHost | undefined, label: string): Progress {
  if (!host) return { update: () => undefined, cancelled: () => undefined, done: () => undefined };
  const started = host.now();
  const tty = Boolean(host.stderr.isTTY);
  let shown = false;
  let stopped: number | undefined;
  const clear = () => {
    if (shown) host.stderr.write('\r\x1b[K');
    shown = false;
  };
  const handlers = (Object.keys(signals) as (keyof typeof signals)[]).map((s) => [s, () => ((stopped = 128 + signals[s]), clear())] as const);
  if (tty) for (const [s, h] of handlers) host.on(s, h);
  return {
    update: (fraction) => {
      if (!tty || stopped !== undefined || host.now() - started < DELAY_MS) return;
      const width = Math.max(10, Math.min(40, (host.stderr.columns ?? 80) - label.length - 30));
      const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
      const seconds = ((host.now() - started) / 1000).toFixed(0);
      host.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)} % ${seconds} s (Ctrl-C stops)\x1b[K`);
      shown = true;
    },
    cancelled: () => stopped,
    done: () => {
      clear();
      if (tty) for (const [s, h] of handlers) host.off(s, h);
    },
  };
}

/** Lets the event loop run (signals, output) between two slices of work. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
