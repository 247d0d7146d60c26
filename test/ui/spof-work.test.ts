import { describe, expect, it } from 'vitest';
import { generatedTopology } from '../../bench/generate-topology.js';
import { analyzeSpof } from '../../source/sim/spof.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState, type DesignState } from '../../source/ui/state/app-state.js';
import { spofRunning } from '../../source/ui/state/spof-work.js';

const big = generatedTopology('tiered', 150, 3);
const expected = analyzeSpof({ ...big });

const run = (state: AppState, ...actions: readonly Action[]) => actions.reduce(appReducer, state);
const design = (state: AppState): DesignState => {
  if (!state.design) throw new Error('no design open');
  return state.design;
};

/** `work` slices until the analysis stops running; the states seen on the way. */
function workOn(state: AppState): AppState[] {
  const seen = [state];
  while (spofRunning(design(seen[seen.length - 1] as AppState))) seen.push(appReducer(seen[seen.length - 1] as AppState, { type: 'work' }));
  return seen;
}

describe('the SPOF overlay of a big design is worked out a slice at a time', () => {
  const opened = run(initialAppState(1), { type: 'open-design', topology: big }, { type: 'toggle-spof' });

  it('x shows the overlay at once and starts the analysis, with its progress in the footer', () => {
    expect(design(opened)).toMatchObject({ mode: 'spof', spof: null, spofWork: { rows: [], total: expected.length } });
    expect(opened.message?.text).toMatch(/analysing \d+ single failures: 0 % \(Esc stops\)/);
  });

  it('each work action adds rows; the last one gives the same rows as the analysis done at once', () => {
    const seen = workOn(opened);
    expect(seen.length).toBeGreaterThan(3);
    const counts = seen.map((s) => design(s).spofWork?.rows.length ?? expected.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const done = seen[seen.length - 1] as AppState;
    expect(design(done).spof).toEqual(expected);
    expect(design(done).spofWork).toBeUndefined();
    expect(done.message?.text).toBe(`single points of failure: ${expected.length} failures analysed`);
  });

  it('Esc stops it where it is, other keys work, and x goes on from there to the same rows', () => {
    const partway = run(opened, { type: 'work' }, { type: 'work' });
    const sofar = design(partway).spofWork?.rows.length ?? 0;
    expect(sofar).toBeGreaterThan(0);
    const stopped = run(partway, { type: 'escape' });
    expect(design(stopped).mode).toBe('explore');
    expect(spofRunning(design(stopped))).toBe(false);
    expect(stopped.message?.text).toBe(`SPOF analysis stopped after ${sofar} of ${expected.length} failures: x goes on from there`);
    // A work action that arrives after the stop changes nothing of the analysis.
    expect(design(run(stopped, { type: 'work' })).spofWork?.rows.length).toBe(sofar);
    const resumed = run(stopped, { type: 'toggle-spof' });
    expect(design(resumed).spofWork?.rows.length).toBe(sofar);
    const seen = workOn(resumed);
    expect(design(seen[seen.length - 1] as AppState).spof).toEqual(expected);
  });
});
