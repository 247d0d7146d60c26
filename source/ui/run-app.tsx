import { render } from 'ink';
import type { Topology } from '../model/types.js';
import { AppProvider, type AppEnv } from './app-context.js';
import { App } from './components/app.js';
import { initialAppState } from './state/app-state.js';
import { createAppStore } from './state/app-store.js';
import { crashLine, guardTerminal } from './terminal-guard.js';
import { makeTheme } from './theme.js';

export interface RunAppOptions {
  /** Open this design directly instead of the home screen. */
  readonly topology: Topology | undefined;
  readonly env: AppEnv;
  readonly color: boolean;
  readonly ascii: boolean;
  readonly seed: number;
}

/**
 * Runs the interactive app in the alternate screen until the user quits, and resolves to the
 * exit code. The terminal is restored (main screen back, cursor shown, raw mode off) on every
 * way out: q, Ctrl-C, SIGINT/SIGTERM/SIGHUP (exit 128 + signal number), an error while
 * rendering (exit 1, one line on stderr) and an uncaught exception (see `guardTerminal`).
 */
export async function runApp(options: RunAppOptions): Promise<number> {
  const store = createAppStore(initialAppState(options.seed));
  if (options.topology) store.dispatch({ type: 'open-design', topology: options.topology });
  const theme = makeTheme({ color: options.color, ascii: options.ascii });

  let code = 0;
  // Handlers only run from the event loop, so never before `render` below has returned.
  const guard = guardTerminal(process, {
    onSignal: (signalCode) => {
      code = signalCode;
      instance.unmount();
    },
    onCrash: () => instance.unmount(),
  });
  const instance = render(
    <AppProvider value={{ store, theme, env: options.env, view: { boxes: [], usable: true } }}>
      <App />
    </AppProvider>,
    { exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 60 },
  );
  try {
    await instance.waitUntilExit();
  } catch (error) {
    guard.restore();
    process.stderr.write(crashLine(error));
    code = 1;
  } finally {
    guard.release();
  }
  return code;
}
