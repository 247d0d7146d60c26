/** Escape sequences that switch to the alternate screen and back, and show the cursor again. */
export const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
export const LEAVE_ALT_SCREEN = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';

/** Signals that end the app, with their numbers (the exit code is 128 + the number). */
const exitSignals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
type ExitSignal = keyof typeof exitSignals;

/** The parts of `process` the guard uses, so tests can hand it a fake one. */
export interface HostProcess {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  on(event: ExitSignal | 'uncaughtException' | 'exit', listener: (error: unknown) => void): unknown;
  off(event: ExitSignal | 'uncaughtException' | 'exit', listener: (error: unknown) => void): unknown;
  exit(code: number): void;
}

export interface GuardHandlers {
  /** A signal asks the app to end: unmount it; the run then ends with `code` (128 + signal). */
  readonly onSignal: (code: number) => void;
  /** An exception escaped: stop rendering (Ink's unmount also turns raw mode off). */
  readonly onCrash: () => void;
}

export interface TerminalGuard {
  /** Leaves the alternate screen and shows the cursor; only the first call writes anything. */
  readonly restore: () => void;
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
 * many of these happen.
 */
export function guardTerminal(host: HostProcess, handlers: GuardHandlers): TerminalGuard {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    host.stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  };
  const onCrash = (error: unknown) => {
    handlers.onCrash();
    restore();
    host.stderr.write(crashLine(error));
    host.exit(1);
  };
  const signals = (Object.keys(exitSignals) as ExitSignal[]).map((s) => [s, () => handlers.onSignal(128 + exitSignals[s])] as const);
  host.stdout.write(ENTER_ALT_SCREEN);
  for (const [signal, handler] of signals) host.on(signal, handler);
  host.on('uncaughtException', onCrash);
  host.on('exit', restore);
  const release = () => {
    restore();
    for (const [signal, handler] of signals) host.off(signal, handler);
    host.off('uncaughtException', onCrash);
    host.off('exit', restore);
  };
  return { restore, release };
}
