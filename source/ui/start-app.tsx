import { render, useStdout } from 'ink';
import { useEffect, type ReactNode } from 'react';
import { AppProvider, type AppEnv } from './app-context.js';
import { App } from './components/app.js';
import { TerminalSizeContext, type Size } from './hooks/use-terminal-size.js';
import { oneKeyPerRead } from './keys/one-key-per-read.js';
import type { Action } from './state/actions.js';
import type { AppState } from './state/app-state.js';
import type { Store } from './state/store.js';
import { createTerminalScreen, type OnWindowChange, type TerminalOutput, type TerminalScreen } from './terminal-screen.js';
import type { Theme } from './theme.js';

/** The terminal one app instance draws on: the process's own, or an SSH session's channel. */
interface AppTerminal {
  /** Keys, read by Ink in raw mode (a TTY, or a stream that behaves like one). */
  readonly stdin: NodeJS.ReadStream;
  readonly output: TerminalOutput;
  readonly onWindowChange: OnWindowChange;
}

export interface StartAppOptions {
  readonly store: Store<AppState, Action>;
  readonly theme: Theme;
  /** The app's effects; `terminal` is filled in here (redraw is the screen's repaint). */
  readonly env: AppEnv;
  readonly terminal: AppTerminal;
  /** What Ctrl-Z does; without it, Ctrl-Z does nothing. */
  readonly suspend?: () => void;
}

/** One app drawing on one terminal. */
export interface RunningApp {
  /** Settles when the app has ended: resolves after a quit or `unmount`, rejects on an error while rendering. */
  readonly done: Promise<void>;
  readonly unmount: () => void;
  /** Clears the screen and draws the current frame whole (Ctrl-L, a resumed process, a late joiner). */
  readonly repaint: () => void;
}

/** Lends Ink's own `write` to the screen, which repaints through it (see `createTerminalScreen`). */
function InkWriter({ screen, children }: { readonly screen: TerminalScreen; readonly children: ReactNode }) {
  const { write } = useStdout();
  useEffect(() => screen.attach(write), [screen, write]);
  return children;
}

/**
 * Renders the app with Ink on the given terminal, and nothing else: no process, no signal, no
 * process-wide handler of its own, so several can run in one process (one per SSH session) and
 * the command line's app wraps one in its own terminal handling (see `runApp`). The caller
 * switches to the alternate screen and back.
 */
export function startApp(options: StartAppOptions): RunningApp {
  const { store, theme, terminal } = options;
  const screen = createTerminalScreen(terminal.output, terminal.onWindowChange);
  const env: AppEnv = { ...options.env, terminal: { redraw: screen.repaint, suspend: options.suspend ?? (() => undefined) } };
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
    // Ink parses each read as one key: a chunk of several keys is handed over key by key, each
    // after any window change already signalled has been applied.
    stdin: oneKeyPerRead(terminal.stdin, () => screen.settle()),
    exitOnCtrlC: false,
    patchConsole: false,
    incrementalRendering: true,
    maxFps: 60,
  });
  screen.renderWith((size) => instance.rerender(app(size)));
  const done = instance.waitUntilExit().finally(screen.dispose);
  return { done, unmount: () => instance.unmount(), repaint: screen.repaint };
}
