import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../source/commands/load-scenario.js';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import { AppProvider } from '../../source/ui/app-context.js';
import { App } from '../../source/ui/components/app.js';
import { TerminalSizeContext, type Size } from '../../source/ui/hooks/use-terminal-size.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { createAppStore } from '../../source/ui/state/app-store.js';
import { recordStore } from '../../source/ui/state/recorder.js';
import type { Store } from '../../source/ui/state/store.js';
import { makeTheme } from '../../source/ui/theme.js';
import { firstFrame, mountApp } from './render-app.js';

afterEach(() => cleanup());

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ESC = '\x1b';
const ENTER = '\r';
const DOWN = '\x1b[B';
const PAGE_DOWN = '\x1b[6~';

/**
 * A session as a person types it: moving the selection, a request stepped through and back,
 * the inspector and its configuration scrolled, a failure typed after `:`, time passing, live
 * traffic with its rate changed, the log scrolled, traffic left, a step back, help.
 * `null` waits for live traffic to run a little.
 */
const keys: readonly (string | null)[] = [
  '1', 'j', 'l', '\t', 's', ENTER, ' ', ' ', 'b', 'i', 'c', PAGE_DOWN, ESC, ':', ...'fail server-1', ENTER, '+',
  'T', null, '+', null, 'e', 'k', 'k', DOWN, 'p', 'T', 'b', '?', ESC,
];

/** Records the session live at `size`: the scenario's text and the state after each recorded action. */
async function recordLive(size: Size): Promise<{ text: string; states: AppState[] }> {
  const recording = recordStore(createAppStore(initialAppState(1)), (id) => id, 1);
  const states: AppState[] = [];
  const store: Store<AppState, Action> = {
    ...recording.store,
    dispatch: (action) => {
      const opened = recording.store.getState().design !== null;
      recording.store.dispatch(action);
      if (opened && action.type !== 'tick') states.push(recording.store.getState());
    },
  };
  const app = mountApp(store, size);
  for (const key of keys) {
    if (key === null) await wait(400);
    else app.stdin.write(key);
    await wait(30);
  }
  app.unmount();
  return { text: recording.text(size) ?? '', states };
}

async function replay(text: string): Promise<AppState[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'infra-tui-replay-')), 'session.yaml');
  writeFileSync(file, text);
  const { scenario, designs } = await loadScenario(file, '/');
  let state = appReducer(initialAppState(scenario.seed), { type: 'scenario-open', scenario, designs });
  return scenario.steps.map(() => (state = appReducer(state, { type: 'scenario-step', to: 'next' })));
}

describe('a recorded session replays to the screens it showed', () => {
  it.each([
    [{ columns: 100, rows: 30 }],
    [{ columns: 80, rows: 24 }],
  ])('at %o, at every step', async (size) => {
    const live = await recordLive(size);
    expect(live.text).toContain(`size: { columns: ${size.columns}, rows: ${size.rows} }`);
    expect(live.text).toMatch(/do: "fail server-1"/);
    expect(live.text).toMatch(/act: \{"type":"scroll"/);
    expect(live.text).toMatch(/at: [1-9][\d.]*s/);
    const replayed = await replay(live.text);
    expect(replayed).toHaveLength(live.states.length);
    expect(live.states.length).toBeGreaterThan(30);
    live.states.forEach((state, i) => {
      const step = replayed[i] as AppState;
      expect(firstFrame(step, size), `step ${i + 1}`).toBe(firstFrame(state, size));
    });
  }, 60_000);
});

/** The app on `store` in a terminal of `size` (the element to render, or to re-render on a resize). */
const appAt = (store: Store<AppState, Action>, size: Size) => (
  <AppProvider value={{ store, theme: makeTheme({ color: false, ascii: false }), env: { loadTopology: loadBuiltin, designs: builtins }, view: { boxes: [], usable: true } }}>
    <TerminalSizeContext.Provider value={size}>
      <App />
    </TerminalSizeContext.Provider>
  </AppProvider>
);

describe('a session recorded while the terminal was resized', () => {
  it('replays in a larger terminal to the screens it showed, each laid out at the size it was seen at', async () => {
    const sizes: readonly Size[] = [{ columns: 100, rows: 30 }, { columns: 80, rows: 24 }, { columns: 90, rows: 28 }];
    const recording = recordStore(createAppStore(initialAppState(1)), (id) => id, 1);
    const live: { state: AppState; size: Size }[] = [];
    let size = sizes[0] as Size;
    const store: Store<AppState, Action> = {
      ...recording.store,
      dispatch: (action) => {
        const opened = recording.store.getState().design !== null;
        recording.store.dispatch(action);
        if (opened && action.type !== 'tick') live.push({ state: recording.store.getState(), size });
      },
    };
    const app = render(appAt(store, size));
    const type = async (...typed: string[]) => {
      for (const key of typed) {
        app.stdin.write(key);
        await wait(30);
      }
    };
    const resize = async (to: Size) => {
      size = to;
      app.rerender(appAt(store, to));
      await wait(30);
    };
    await type('1', 'j', 'l', '\t', 's', ENTER, ' ');
    await resize(sizes[1] as Size);
    await type(' ', 'i', 'c', PAGE_DOWN, ESC);
    await resize(sizes[2] as Size);
    await type('T', '+', 'e', 'k', DOWN, 'T', '?', ESC);
    app.unmount();
    const text = recording.text({ columns: 1, rows: 1 }) ?? '';
    expect(text).toContain('size: { columns: 100, rows: 30 }');
    expect(text).toContain('act: {"type":"resize","columns":80,"rows":24}');
    expect(text).toContain('act: {"type":"resize","columns":90,"rows":28}');
    const replayed = await replay(text);
    expect(replayed).toHaveLength(live.length);
    expect(live.length).toBeGreaterThan(15);
    const larger = { columns: 120, rows: 40 };
    live.forEach(({ state, size: seen }, i) => {
      expect(firstFrame(replayed[i] as AppState, larger), `step ${i + 1} at ${seen.columns}x${seen.rows}`).toBe(firstFrame(state, seen));
    });
  }, 60_000);
});

