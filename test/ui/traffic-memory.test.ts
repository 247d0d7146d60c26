import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { DETECTION_CAPACITY, HISTORY_CAPACITY, LOG_CAPACITY, WINDOW_SECONDS } from '../../source/sim/traffic/timings.js';
import type { Action } from '../../source/ui/state/actions.js';
import { createAppStore } from '../../source/ui/state/app-store.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { TICK_INTERVAL_MS } from '../../source/ui/state/traffic-reducer.js';

/** What the app keeps, as a number: the size of its whole state written out. */
const retained = (state: AppState) => JSON.stringify(state).length;

/**
 * One virtual minute of busy traffic at 10× as the app's clock drives it: ticks, with a failure,
 * a heal and a deploy every 10 s, so every history the session keeps gets new entries.
 */
function busyMinute(dispatch: (action: Action) => void): void {
  const ticksPer10s = 10_000 / (TICK_INTERVAL_MS * 10);
  for (let tenth = 0; tenth < 6; tenth++) {
    dispatch({ type: 'engine', input: { type: 'fail', id: tenth % 2 === 0 ? 'app-1' : 'mysql-1' } });
    for (let i = 0; i < ticksPer10s / 2; i++) dispatch({ type: 'tick', ms: TICK_INTERVAL_MS * 10 });
    dispatch({ type: 'engine', input: { type: 'heal-all' } });
    dispatch({ type: 'deploy' });
    for (let i = 0; i < ticksPer10s / 2; i++) dispatch({ type: 'tick', ms: TICK_INTERVAL_MS * 10 });
  }
}

describe('memory in traffic mode', () => {
  it('stops growing: after its histories fill, more traffic keeps the state the same size, every history within its bound', () => {
    const store = createAppStore(initialAppState(1));
    store.dispatch({ type: 'open-design', topology: loadBuiltin('2') });
    store.dispatch({ type: 'traffic', to: 'on' });
    store.dispatch({ type: 'speed', speed: 10 });
    store.dispatch({ type: 'qps', qps: 2_000 });
    const entries = store.getState().design?.timeline.entries.length;
    const sizes: number[] = [];
    for (let minute = 0; minute < 24; minute++) {
      busyMinute(store.dispatch);
      sizes.push(retained(store.getState()));
    }
    const design = store.getState().design;
    const ts = design?.traffic?.state;
    if (!design || !ts) throw new Error('traffic stopped');
    expect(ts.sim.now).toBeGreaterThanOrEqual(24 * 60_000);
    // Every history reached its bound (so the run tested the bounds) and stayed there.
    expect(ts.log).toHaveLength(LOG_CAPACITY);
    expect(ts.window).toHaveLength(WINDOW_SECONDS);
    expect(ts.actions).toHaveLength(HISTORY_CAPACITY);
    expect(ts.deploys.length).toBeGreaterThan(0);
    expect(ts.deploys.length).toBeLessThanOrEqual(HISTORY_CAPACITY);
    expect(ts.detections.length).toBeGreaterThan(0);
    expect(ts.detections.length).toBeLessThanOrEqual(DETECTION_CAPACITY);
    // Traffic's ticks are not steps of the history: the timeline has not grown a single entry.
    expect(design.timeline.entries).toHaveLength(entries ?? -1);
    // Over the last 12 minutes the whole state grew by less than 2 % (what varies is the text of
    // the lines kept, not how many there are).
    const settled = sizes.slice(12);
    expect(Math.max(...settled)).toBeLessThan(Math.min(...settled) * 1.02);
  });
});
