import { render } from 'ink';
import type { Topology } from '../model/types.js';
import { AppProvider, type AppEnv } from './app-context.js';
import { App } from './components/app.js';
import { appReducer } from './state/app-reducer.js';
import { initialAppState } from './state/app-state.js';
import { createStore } from './state/store.js';
import { makeTheme } from './theme.js';

export interface RunAppOptions {
  /** Open this design directly instead of the home screen. */
  readonly topology: Topology | undefined;
  readonly env: AppEnv;
  readonly color: boolean;
  readonly ascii: boolean;
  readonly seed: number;
}

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Runs the interactive app in the alternate screen until the user quits, and resolves to the
 * exit code. The terminal is restored (main screen back, cursor shown, raw mode off) on every
 * way out: q, Ctrl-C, SIGINT/SIGTERM/SIGHUP (exit 128 + signal number), an error while
 * rendering (exit 1, one line on stderr) and an uncaught exception.
 */
export async function runApp(options: RunAppOptions): Promise<number> {
  const store = createStore(appReducer, initialAppState(options.seed));
  if (options.topology) store.dispatch({ type: 'open-design', topology: options.topology });
  const theme = makeTheme({ color: options.color, ascii: options.ascii });

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  };
  process.stdout.write(ENTER_ALT_SCREEN);
  const instance = render(
    <AppProvider value={{ store, theme, env: options.env, view: { boxes: [], usable: true } }}>
      <App />
    </AppProvider>,
    { exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 60 },
  );

  let code = 0;
  const onSignal = (signal: keyof typeof signals) => {
    code = 128 + signals[signal];
    instance.unmount();
  };
  const onCrash = (error: unknown) => {
    instance.unmount();
    restore();
    process.stderr.write(`infra-tui: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    // The app's state is unknown after an exception escaped a handler: stop here.
    process.exit(1);
  };
  const handlers = (Object.keys(signals) as (keyof typeof signals)[]).map((s) => [s, () => onSignal(s)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('uncaughtException', onCrash);
  process.on('exit', restore);
  try {
    await instance.waitUntilExit();
  } catch (error) {
    restore();
    process.stderr.write(`infra-tui: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  } finally {
    restore();
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('exit', restore);
  }
  return code;
}
