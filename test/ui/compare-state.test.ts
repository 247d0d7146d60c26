import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { summarize } from '../../source/sim/compare.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { compareDesigns } from '../../source/ui/state/compare.js';

const builtins = ['0', '1', '2', '3', '4'].map((n) => loadBuiltin(n));
const run = (state: AppState, ...actions: readonly Action[]) => actions.reduce(appReducer, state);
const open = (state: AppState): Action => ({ type: 'open-compare', designs: compareDesigns(state, builtins) });

/** `compare-next` until one design more has its figures; the state and how many actions it took. */
function nextDesign(state: AppState): { state: AppState; actions: number } {
  const known = (s: AppState) => s.compare?.summaries.filter((x) => x !== null).length ?? 0;
  let s = state;
  let actions = 0;
  while (known(s) === known(state)) {
    s = run(s, { type: 'compare-next' });
    actions++;
  }
  return { state: s, actions };
}

describe('the compare screen state', () => {
  it('lists the built-ins, the user\'s design of the same id in its place, then the user\'s files', () => {
    const mine = { ...loadBuiltin('1'), id: 'my-site' };
    const changed = { ...loadBuiltin('3'), title: 'My scaled' };
    const state = run(initialAppState(1), { type: 'open-design', topology: changed }, { type: 'open-design', topology: mine });
    const designs = compareDesigns(state, builtins);
    expect(designs.map((t) => t.id)).toEqual(['simple', 'distributed', 'secured', 'scaled', 'high-availability', 'my-site']);
    expect(designs[3]).toBe(changed);
    const opened = run(state, open(state));
    expect(opened).toMatchObject({ screen: 'compare', compare: { column: 5, row: 0 } });
  });

  it('computes the highlighted design first, a part per action, and keeps figures of unchanged designs', () => {
    const home = initialAppState(1);
    let state = run(home, open(home), { type: 'compare-move', row: 0, column: 2, rows: 16 });
    const first = nextDesign(state);
    // Its SPOF analysis, its capacity, then a deploy and two failovers, each run as traffic: one action each.
    expect(first.actions).toBe(5);
    state = first.state;
    expect(state.compare?.summaries.map((s) => s?.id ?? null)).toEqual([null, null, 'secured', null, null]);
    expect(state.compare?.summaries[2]).toEqual(summarize(builtins[2] as Topology, { seed: 1 }));
    state = nextDesign(state).state;
    expect(state.compare?.summaries.map((s) => s?.id ?? null)).toEqual(['simple', null, 'secured', null, null]);
    // Back, and in again: the same designs keep their figures.
    state = run(state, { type: 'escape' });
    expect(state.screen).toBe('home');
    state = run(state, open(state));
    expect(state.compare?.summaries.filter((s) => s !== null)).toHaveLength(2);
  });

  it('keeps the highlight inside the table', () => {
    const home = initialAppState(1);
    const state = run(home, open(home), { type: 'compare-move', row: -3, column: 9, rows: 16 }, { type: 'compare-move', row: 40, column: 0, rows: 16 });
    expect(state.compare).toMatchObject({ row: 15, column: 4 });
  });
});
