import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState, type DesignState } from '../../source/ui/state/app-state.js';
import { liveSim } from '../../source/ui/state/live-sim.js';
import { currentFrame } from '../../source/ui/state/timeline.js';

const GET: Action = { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } };
const open = (n: string): Action => ({ type: 'open-design', topology: loadBuiltin(n) });
const ESC: Action = { type: 'escape' };
const run = (state: AppState, ...actions: readonly Action[]) => actions.reduce(appReducer, state);
const start = (...actions: readonly Action[]) => run(initialAppState(1), ...actions);
function design(state: AppState): DesignState {
  if (!state.design) throw new Error('no design open');
  return state.design;
}
/** What a session holds that the user made: the history, where they stand, what is down, traffic. */
const session = (d: DesignState) => ({
  frames: d.timeline.entries.length,
  at: d.timeline.at,
  hop: d.timeline.hop,
  failed: liveSim(d).failed,
  traffic: d.traffic?.state.options.qps ?? null,
  now: liveSim(d).now,
});

describe('Esc goes back one level and keeps everything', () => {
  it('config page → stepped request → design → home, the history intact at every step', () => {
    const stepped = start(open('1'), { type: 'engine', input: { type: 'fail', id: 'server-1' } }, GET, { type: 'step' }, { type: 'toggle-config' });
    const before = session(design(stepped));
    const config = run(stepped, ESC);
    expect(design(config)).toMatchObject({ inspector: 'about', panel: 'trace', folded: false });
    const folded = run(config, ESC);
    expect(design(folded).folded).toBe(true);
    expect(session(design(folded))).toEqual(before);
    // Stepping shows the request again where it was, without moving.
    const again = run(folded, { type: 'step' });
    expect([design(again).folded, design(again).timeline.hop]).toEqual([false, before.hop]);
    const home = run(folded, ESC);
    expect([home.screen, home.design]).toEqual(['home', null]);
    expect(home.message?.text).toMatch(/kept \(2 steps, 1 down\)/);
    const back = run(home, open('1'));
    expect(session(design(back))).toEqual(before);
    expect(design(back).folded).toBe(true);
    expect(back.message?.text).toContain('as you left it');
  });

  it('closes a view, a mode, then leaves traffic into one history step before going home', () => {
    const state = start(open('1'), { type: 'traffic', to: 'on' }, { type: 'tick', ms: 1000 }, { type: 'view', view: 'log' });
    const view = run(state, ESC);
    expect([design(view).view, design(view).traffic !== null]).toEqual(['main', true]);
    const left = run(view, ESC);
    expect(design(left).traffic).toBeNull();
    expect(liveSim(design(left)).now).toBe(liveSim(design(view)).now);
    expect(run(left, ESC).screen).toBe('home');
  });

  it('leaves the tour and the SPOF list one Esc at a time', () => {
    const tour = start(open('1'), { type: 'tour', to: 'toggle' }, { type: 'tour', to: 'next' });
    expect(design(run(tour, ESC)).mode).toBe('explore');
    expect(run(tour, ESC, ESC).screen).toBe('home');
    const spof = start(open('1'), { type: 'toggle-spof' });
    expect(design(run(spof, ESC)).mode).toBe('explore');
  });

  it('does nothing on the home screen', () => {
    const home = start();
    expect(run(home, ESC)).toBe(home);
  });
});

describe('each design keeps its own session', () => {
  it('visiting another design (by its number) and coming back restores the first exactly', () => {
    const first = start(open('1'), { type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, GET, { type: 'step' }, { type: 'step' });
    const kept = design(first);
    const other = run(first, open('3'), { type: 'engine', input: { type: 'fail', id: 'lb-1' } });
    expect(design(other).topology.id).toBe('scaled');
    expect(Object.keys(other.sessions)).toEqual(['distributed']);
    const back = run(other, open('1'));
    expect(design(back)).toBe(kept);
    const again = run(back, open('3'));
    expect(liveSim(design(again)).failed).toContain('lb-1');
  });

  it('keeps live traffic, frozen while away', () => {
    const running = start(open('1'), { type: 'traffic', to: 'on' }, { type: 'tick', ms: 3000 });
    const away = run(running, open('0'), { type: 'tick', ms: 5000 });
    const back = run(away, open('1'));
    expect(session(design(back))).toEqual(session(design(running)));
  });

  it('pressing the number of the design on screen keeps it', () => {
    const state = start(open('1'), GET);
    expect(design(run(state, open('1')))).toBe(design(state));
  });

  it('a file that changed since starts afresh and says so', () => {
    const edited = { ...loadBuiltin('1'), title: 'Edited' };
    const state = run(start(open('1'), GET), open('0'), { type: 'open-design', topology: edited });
    expect(design(state).timeline.entries).toHaveLength(1);
    expect(state.message?.text).toContain('the file changed');
  });
});

describe('reset asks first', () => {
  it('asks when it would drop something; y resets, anything else keeps it', () => {
    const state = start(open('1'), GET);
    const asked = run(state, { type: 'reset' });
    expect([asked.overlay, asked.pending]).toEqual(['confirm', 'reset']);
    expect(asked.message?.text).toMatch(/afresh, dropping 1 step\?/);
    expect(design(asked)).toBe(design(state));
    const no = run(asked, { type: 'confirm', yes: false });
    expect([no.overlay, design(no)]).toEqual(['none', design(state)]);
    expect(design(run(asked, ESC))).toBe(design(state));
    const yes = run(asked, { type: 'confirm', yes: true });
    expect(design(yes).timeline.entries).toHaveLength(1);
    expect(currentFrame(design(yes).timeline).input).toBeNull();
  });

  it('says there is nothing to reset on an untouched design', () => {
    const state = run(start(open('1')), { type: 'reset' });
    expect(state.overlay).toBe('none');
    expect(state.message?.text).toContain('nothing to reset');
  });
});
