import { render, useStdout } from 'ink';
import { useEffect, type ReactNode } from 'react';
import type { Topology } from '../model/types.js';
import { AppProvider, type AppEnv } from './app-context.js';
import { App } from './components/app.js';
import { TerminalSizeContext, type Size } from './hooks/use-terminal-size.js';
import type { Action } from './state/actions.js';
import { initialAppState, type AppState } from './state/app-state.js';
import type { Store } from './state/store.js';
import { createAppStore } from './state/app-store.js';
import { crashLine, guardTerminal } from './terminal-guard.js';
import { createTerminalScreen, type TerminalScreen } from './terminal-screen.js';
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

/** Lends Ink's own `write` to the screen, which repaints through it (see `createTerminalScreen`). */
function InkWriter({ screen, children }: { readonly screen: TerminalScreen; readonly children: ReactNode }) {
  const { write } = useStdout();
  useEffect(() => screen.attach(write), [screen, write]);
  return children;
}

/**
 * Runs the interactive app in the alternate screen until the user quits, and resolves to the
 * exit code. The terminal is restored (main screen back, cursor shown, raw mode off) on every
 * way out: q, Ctrl-C, SIGINT/SIGTERM/SIGHUP/SIGQUIT (exit 128 + signal number), an error while
 * rendering (exit 1, one line on stderr) and an uncaught exception (see `guardTerminal`); also
 * while stopped (Ctrl-Z, SIGTSTP), after which `fg` draws the screen again.
 */
export async function runApp(options: RunAppOptions): Promise<number> {
  const created = createAppStore(initialAppState(options.seed));
  const store = options.record ? options.record(created) : created;
  if (options.topology) store.dispatch({ type: 'open-design', topology: options.topology });
  if (options.start) store.dispatch(options.start);
  const theme = makeTheme({ color: options.color, ascii: options.ascii });
  const screen = createTerminalScreen(process.stdout, process);

  let code = 0;
  // Handlers only run from the event loop, so never before `render` below has returned.
  const guard = guardTerminal(process, {
    onSignal: (signalCode) => {
      code = signalCode;
      instance.unmount();
    },
    onCrash: () => instance.unmount(),
    onResume: screen.repaint,
  });
  const env: AppEnv = { ...options.env, terminal: { redraw: screen.repaint, suspend: guard.suspend } };
  const context = { store, theme, env, view: { boxes: [], usable: true } };
  const app = (size: Size) => (
    <AppProvider value={context}>
      <TerminalSizeContext.Provider value={size}>
        <InkWriter screen={screen}>
          <App />
        </InkWriter>
      </TerminalSizeContext.Provider>
    </AppProvider>
  );
  const instance = render(app(screen.size()), {
    // Ink sizes and writes through the screen, which decides when it learns of a resize.
    stdout: screen.stream as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    incrementalRendering: true,
    maxFps: 60,
  });
  screen.renderWith((size) => instance.rerender(app(size)));
  try {
    await instance.waitUntilExit();
  } catch (error) {
    guard.restore();
    process.stderr.write(crashLine(error));
    code = 1;
  } finally {
    screen.dispose();
    guard.release();
  }
  return code;
}
