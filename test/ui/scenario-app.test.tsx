import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinScenarios, loadScenario } from '../../source/commands/load-scenario.js';
import type { Size } from '../../source/ui/hooks/use-terminal-size.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { createAppStore } from '../../source/ui/state/app-store.js';
import { firstFrame, mountApp } from './render-app.js';

afterEach(() => cleanup());

const sizes: readonly Size[] = [{ columns: 100, rows: 30 }, { columns: 80, rows: 24 }];

async function opened(name: string): Promise<AppState> {
  const { scenario, designs } = await loadScenario(name, process.cwd());
  return appReducer(initialAppState(scenario.seed), { type: 'scenario-open', scenario, designs });
}

/** Every screen of a scenario stepped through with N, at a size. */
async function screens(name: string, size: Size): Promise<string[]> {
  let state = await opened(name);
  const frames = [firstFrame(state, size)];
  while (state.scenario && state.scenario.next < state.scenario.scenario.steps.length) {
    state = appReducer(state, { type: 'scenario-step', to: 'next' });
    frames.push(firstFrame(state, size));
  }
  return frames;
}

/** Waits up to 20 s (real time: playing on its own waits 1.5 s per step, longer on a loaded machine). */
const wait = async (test: () => boolean, what: string) => {
  for (let i = 0; i < 2000 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!test()) throw new Error(`timed out waiting for ${what}`);
};

describe('the built-in scenarios in the app', () => {
  it.each(builtinScenarios().flatMap((name) => sizes.map((size) => [name, size] as const)))('%s plays the same twice at %o, each screen within the terminal', async (name, size) => {
    const first = await screens(name, size);
    expect(await screens(name, size)).toEqual(first);
    for (const frame of first) {
      const rows = frame.split('\n');
      expect(rows.length).toBeLessThanOrEqual(size.rows - 1);
      expect(Math.max(...rows.map((r) => [...r].length))).toBeLessThanOrEqual(size.columns);
    }
    expect(first.some((f) => f.includes('Scenario '))).toBe(true);
  }, 60_000);
});

describe('playing a scenario with keys', () => {
  it('N shows the next step and its narration, B returns to the exact state before it, a digit answers the question', async () => {
    const store = createAppStore(await opened('0-simple-one-server'));
    const app = mountApp(store, { columns: 100, rows: 30 });
    const start = store.getState();
    // Before the first step: where it stands, its keys, its title and what it shows.
    await wait(() => (app.lastFrame() ?? '').includes('Scenario 0/'), 'the introduction');
    expect(app.lastFrame()).toContain('N next · B back · p plays  One server, and what a deploy');
    expect(app.lastFrame()).toContain('Design 0 puts the whole site on one machine');
    app.stdin.write('N');
    await wait(() => (app.lastFrame() ?? '').includes('A single server at 8.8.8.8'), 'the narration');
    expect(app.lastFrame()).toContain('Scenario 1/');
    app.stdin.write('B');
    await wait(() => store.getState().scenario?.next === 0, 'the step back');
    expect(store.getState().design).toBe(start.design);
    for (let i = 0; i < 3; i++) app.stdin.write('N');
    await wait(() => (app.lastFrame() ?? '').includes('How many machines'), 'the question');
    expect(app.lastFrame()).toContain('1 answer');
    app.stdin.write('1');
    await wait(() => (app.lastFrame() ?? '').includes('Every part sits on server-1'), 'the explanation');
    expect(store.getState().scenario?.shown.ask?.chosen).toBe(0);
    expect(store.getState().message?.text).toBe('right');
  });

  it('p plays it on its own, time and traffic running, stopping at a question', async () => {
    const store = createAppStore(await opened('0-simple-one-server'));
    const app = mountApp(store, { columns: 100, rows: 30 });
    app.stdin.write('p');
    await wait(() => store.getState().scenario?.shown.ask !== null && store.getState().scenario?.shown.ask !== undefined, 'the question');
    expect(store.getState().scenario?.playing).toBe(false);
    expect(store.getState().scenario?.next).toBe(3);
    app.stdin.write('1');
    app.stdin.write('p');
    await wait(() => (store.getState().design?.traffic?.state.sim.now ?? 0) > 1000, 'traffic running');
    expect(store.getState().scenario?.playing).toBe(true);
    app.stdin.write('p');
    await wait(() => store.getState().scenario?.playing === false, 'p stopping it');
    const stopped = store.getState().design?.traffic?.state.sim.now;
    await new Promise((r) => setTimeout(r, 300));
    expect(store.getState().design?.traffic?.state.sim.now).toBe(stopped);
  }, 90_000);
});
