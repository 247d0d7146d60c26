import { render } from 'ink-testing-library';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import { AppProvider, type AppEnv } from '../../source/ui/app-context.js';
import { App } from '../../source/ui/components/app.js';
import { TerminalSizeContext, type Size } from '../../source/ui/hooks/use-terminal-size.js';
import type { Action } from '../../source/ui/state/actions.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { createAppStore } from '../../source/ui/state/app-store.js';
import type { Store } from '../../source/ui/state/store.js';
import { makeTheme } from '../../source/ui/theme.js';

/** The whole app in ink-testing-library (100 columns; 30 rows as the size hook assumes); `env` replaces the app's effects. */
export function renderApp(options: { design?: string; ascii?: boolean; color?: boolean; env?: Partial<AppEnv> } = {}) {
  const store = createAppStore(initialAppState(1));
  if (options.design) store.dispatch({ type: 'open-design', topology: loadBuiltin(options.design) });
  const theme = makeTheme({ color: options.color ?? false, ascii: options.ascii ?? false });
  const app = render(
    <AppProvider value={{ store, theme, env: { loadTopology: loadBuiltin, designs: builtins, ...options.env }, view: { boxes: [], usable: true } }}>
      <App />
    </AppProvider>,
  );
  /** Resolves with the frame once it satisfies the test (Ink redraws after input asynchronously). */
  const waitFor = async (test: string | ((frame: string) => boolean), timeout = 3000): Promise<string> => {
    const ok = typeof test === 'string' ? (f: string) => f.includes(test) : test;
    const deadline = Date.now() + timeout;
    for (;;) {
      const frame = app.lastFrame() ?? '';
      if (ok(frame)) return frame;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)}; last frame:\n${frame}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  /** Presses keys one at a time, as a person would. */
  const press = async (...keys: readonly string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { app, store, waitFor, press };
}

/** The app on a store at a terminal size, as the terminal screen gives it (no other effects). */
export function mountApp(store: Store<AppState, Action>, size: Size) {
  const theme = makeTheme({ color: false, ascii: false });
  return render(
    <AppProvider value={{ store, theme, env: { loadTopology: loadBuiltin, designs: builtins }, view: { boxes: [], usable: true } }}>
      <TerminalSizeContext.Provider value={size}>
        <App />
      </TerminalSizeContext.Provider>
    </AppProvider>,
  );
}

/** What the app draws for a state at a size: a fresh app started on that state, its first frame. */
export function firstFrame(state: AppState, size: Size): string {
  const app = mountApp(createAppStore(state), size);
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
}
