import type { ProgressHost } from './progress.js';
/**
 * What every sub-command gets: its positional arguments, the parsed flags and the process's I/O.
 * Commands return an exit code (0 ok, 1 runtime failure, 2 bad usage or bad topology file) and
 * never call process.exit themselves, so tests can run them in-process.
 */
export interface Flags {
  readonly ascii: boolean;
  /** false under --no-color, NO_COLOR, or when stdout is not a terminal. */
  readonly color: boolean;
  readonly width: number | undefined;
  readonly json: boolean;
  readonly request: string | undefined;
  readonly fail: string | undefined;
  readonly after: string | undefined;
  /** As typed; the grammar reads it (`--count 3`). */
  readonly count: string | undefined;
  readonly client: string | undefined;
  readonly format: string | undefined;
  readonly out: string | undefined;
  readonly check: boolean;
  /** As typed; the grammar reads it (`--qps 500`). */
  readonly qps: string | undefined;
  readonly duration: string | undefined;
  readonly mix: string | undefined;
  readonly at: readonly string[];
  readonly seed: number | undefined;
  /** play: print the steps as text instead of playing them in the app. */
  readonly print: boolean;
  /** The app: save what the user does as a scenario file at this path. */
  readonly record: string | undefined;
  /** `serve` only (absent elsewhere and in tests of other commands); checked by `serve` itself. */
  readonly port?: number | undefined;
  readonly host?: string | undefined;
  readonly maxSessions?: number | undefined;
  readonly idle?: string | undefined;
  readonly auth?: string | undefined;
  readonly passwordFile?: string | undefined;
  readonly authorizedKeys?: string | undefined;
  readonly hostKey?: string | undefined;
  readonly presenterKey?: string | undefined;
  readonly presenter?: boolean | undefined;
}

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** The terminal's width, or undefined when stdout is not a terminal. */
  readonly columns: number | undefined;
  readonly rows: number | undefined;
  readonly cwd: string;
  /** Only 7-bit ASCII can be shown (see `asciiOnly`): as if `--ascii` were given. */
  readonly asciiOnly: boolean;
  /**
   * The colours stdout's terminal shows, as Node's `getColorDepth` counts them from TERM,
   * COLORTERM and the like: 1 bit (none), 4 (16 colours), 8 (256) or 24 (true colour).
   */
  readonly colourDepth: number;
  /** Where long work shows its progress and hears Ctrl-C (the process); absent: no progress, no handlers. */
  readonly work?: ProgressHost;
  /** The bundled CLI's file, which a worker thread can run for a share of long work; absent: all of it on this thread. */
  readonly workerEntry?: string;
}

export interface CommandContext {
  readonly args: readonly string[];
  readonly flags: Flags;
  readonly io: Io;
}

/** A mistake of the user's (bad flag value, unknown id, bad file): printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Command = (context: CommandContext) => Promise<number> | number;
