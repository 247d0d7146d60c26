import type { Topology } from '../model/types.js';
import type { AppEnv } from './app-context.js';
import type { Action } from './state/actions.js';
import { initialAppState, type AppState } from './state/app-state.js';
import type { Store } from './state/store.js';
import { createAppStore } from './state/app-store.js';
import { startApp, type RunningApp } from './start-app.js';
import { crashLine, guardTerminal } from './terminal-guard.js';
import { makeTheme } from './theme.js';

export interface RunAppOptions {
  /** Open this design directly instead of the home screen. */
  readonly topology: Topology | undefined;
  /** Or start with this action (a scenario to play). */
  readonly start?: Action;
  /** Hands the app a store that also records what is done (`--record`). */
  readonly record?: (store: Store<AppState, Action>) => Store<AppState, Action>;
  readonly env: AppEnv;
  readonly color: boolean;
  readonly ascii: boolean;
  readonly seed: number;
}

/**
 * Runs the interactive app in the process's own terminal, in the alternate screen, until the
 * user quits, and resolves to the exit code. The terminal is restored (main screen back, cursor
 * shown, raw mode off) on every way out: q, Ctrl-C, SIGINT/SIGTERM/SIGHUP/SIGQUIT (exit 128 +
 * signal number), an error while rendering (exit 1, one line on stderr) and an uncaught
 * exception (see `guardTerminal`); also while stopped (Ctrl-Z, SIGTSTP), after which `fg` draws
 * the screen again. The app itself is `startApp`'s, as in an SSH session.
 */
export async function runApp(options: RunAppOptions): Promise<number> {
  const created = createAppStore(initialAppState(options.seed));
  const store = options.record ? options.record(created) : created;
  if (options.topology) store.dispatch({ type: 'open-design', topology: options.topology });
  if (options.start) store.dispatch(options.start);
  let code = 0;
  // Handlers only run from the event loop, so never before `startApp` below has returned.
  const guard = guardTerminal(process, {
    onSignal: (signalCode) => {
      code = signalCode;
      app.unmount();
    },
    onCrash: () => app.unmount(),
    onResume: () => app.repaint(),
  });
  const app: RunningApp = startApp({
    store,
    theme: makeTheme({ color: options.color, ascii: options.ascii }),
    env: options.env,
    terminal: {
      stdin: process.stdin,
      output: {
        get columns() {
          return process.stdout.columns;
        },
        get rows() {
          return process.stdout.rows;
        },
        write: (text: string) => process.stdout.write(text),
        measure: () => kernelWindowSize(process.stdout),
      },
      onWindowChange: (listener) => {
        process.on('SIGWINCH', listener);
        return () => process.off('SIGWINCH', listener);
      },
    },
    suspend: guard.suspend,
  });
  try {
    await app.done;
  } catch (error) {
    guard.restore();
    process.stderr.write(crashLine(error));
    code = 1;
  } finally {
    guard.release();
  }
  return code;
}

/**
 * The terminal's size as the kernel has it now. `tty.WriteStream#getWindowSize` only returns the
 * size cached when the last SIGWINCH was handled, so a key read before that signal would still
 * act at the old size; the stream's handle asks the kernel (TIOCGWINSZ). Falls back to the
 * cached size where there is no such handle or it answers 0×0.
 */
function kernelWindowSize(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  const handle = (stdout as { _handle?: { getWindowSize?: (out: number[]) => number } })._handle;
  const size = [0, 0];
  const [columns = 0, rows = 0] = handle?.getWindowSize?.(size) === 0 ? size : [];
  return columns > 0 && rows > 0 ? { columns, rows } : { columns: stdout.columns, rows: stdout.rows };
}
