/** Escape sequences that switch to the alternate screen and back, and show or hide the cursor. */
export const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
export const LEAVE_ALT_SCREEN = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';
export const HIDE_CURSOR = '\x1b[?25l';

/** Signals that end the app, with their numbers (the exit code is 128 + the number). */
const exitSignals = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 } as const;
type ExitSignal = keyof typeof exitSignals;
/** Job control: stop (Ctrl-Z, `kill -TSTP`) and continue (`fg`, `bg`, `kill -CONT`). */
type JobSignal = 'SIGTSTP' | 'SIGCONT';
/** How long after raising a stop without being stopped the app concludes nobody will continue it. */
const NO_JOB_CONTROL_MS = 200;
type HostEvent = ExitSignal | JobSignal | 'uncaughtException' | 'exit';

/** The parts of `process` the guard uses, so tests can hand it a fake one. */
export interface HostProcess {
  readonly pid: number;
  readonly stdin: { readonly isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  on(event: HostEvent, listener: (error: unknown) => void): unknown;
  off(event: HostEvent, listener: (error: unknown) => void): unknown;
  kill(pid: number, signal: JobSignal): unknown;
  exit(code: number): void;
}

export interface GuardHandlers {
  /** A signal asks the app to end: unmount it; the run then ends with `code` (128 + signal). */
  readonly onSignal: (code: number) => void;
  /** An exception escaped: stop rendering (Ink's unmount also turns raw mode off). */
  readonly onCrash: () => void;
  /** The app is in the foreground again after a stop: draw the screen from scratch. */
  readonly onResume: () => void;
}

export interface TerminalGuard {
  /** Leaves the alternate screen and shows the cursor; only the first call writes anything. */
  readonly restore: () => void;
  /**
   * Gives the terminal back as it was (main screen, cursor, line discipline) and stops the
   * process as Ctrl-Z does in a program that is not in raw mode; `fg` resumes it (`onResume`).
   */
  readonly suspend: () => void;
  /** Restores the terminal and removes every handler the guard installed. */
  readonly release: () => void;
}

/** The one line a crash leaves on stderr. */
export function crashLine(error: unknown): string {
  return `infra-tui: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`;
}

/**
 * Switches the terminal to the alternate screen and guarantees it comes back on every way out:
 * a signal (the app is unmounted and ends normally), an uncaught exception (unmounted, the
 * terminal restored, one line on stderr, exit code 1 at once: the app's state is unknown after
 * an exception escaped a handler), and any exit of the process. Restoring writes once however
 * many of these happen. A stop (SIGTSTP, or `suspend` for the Ctrl-Z byte that raw mode
 * delivers instead of the signal) restores the terminal first; SIGCONT takes it back.
 */
export function guardTerminal(host: HostProcess, handlers: GuardHandlers): TerminalGuard {
  let restored = false;
  let stopped = false;
  const rawMode = (on: boolean) => {
    if (host.stdin.isTTY) host.stdin.setRawMode?.(on);
  };
  const restore = () => {
    if (restored) return;
    restored = true;
    host.stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
    rawMode(false);
  };
  const onCrash = (error: unknown) => {
    handlers.onCrash();
    restore();
    host.stderr.write(crashLine(error));
    host.exit(1);
  };
  const suspend = () => {
    restore();
    stopped = true;
    // With no listener left, SIGTSTP has its default action again: the kernel stops the process
    // and the shell reports the job as stopped. The listener comes back on SIGCONT (not here:
    // the stop may land after this line, and a listener would then swallow it).
    host.off('SIGTSTP', suspend);
    host.kill(host.pid, 'SIGTSTP');
    // The kernel drops the stop when no shell does job control here (an orphaned process group:
    // a terminal started with the app as its command). Then nothing would ever continue the
    // app, so it takes the terminal back itself. After a real stop, SIGCONT comes first.
    setTimeout(() => {
      if (stopped) onContinue();
    }, NO_JOB_CONTROL_MS).unref();
  };
  const onContinue = () => {
    if (stopped) {
      stopped = false;
      host.on('SIGTSTP', suspend);
      rawMode(true);
      restored = false;
      host.stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
    }
    handlers.onResume();
  };
  const signals = (Object.keys(exitSignals) as ExitSignal[]).map((s) => [s, () => handlers.onSignal(128 + exitSignals[s])] as const);
  const listeners: readonly (readonly [HostEvent, (error: unknown) => void])[] = [
    ...signals,
    ['SIGTSTP', suspend],
    ['SIGCONT', onContinue],
    ['uncaughtException', onCrash],
    ['exit', restore],
  ];
  host.stdout.write(ENTER_ALT_SCREEN);
  // Raw from the first moment, not from Ink's first frame: a key typed while the app starts is
  // neither echoed onto the screen by the terminal nor turned into a signal.
  rawMode(true);
  for (const [event, listener] of listeners) host.on(event, listener);
  const release = () => {
    restore();
    for (const [event, listener] of listeners) host.off(event, listener);
  };
  return { restore, suspend, release };
}
