import { describe, expect, it } from 'vitest';
import { generatedTopology } from '../../bench/generate-topology.js';
import type { LayoutBox } from '../../source/layout/types.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { isDown } from '../../source/sim/engine.js';
import { lineWith } from '../../source/ui/commands/line-editor.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState, type DesignState } from '../../source/ui/state/app-state.js';
import { selectableIds } from '../../source/ui/state/selection.js';
import { currentFrame } from '../../source/ui/state/timeline.js';

const distributed = loadBuiltin('1');
const GET = { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } } as const;

function run(...actions: readonly Action[]): AppState {
  return actions.reduce(appReducer, initialAppState(1));
}
function opened(...actions: readonly Action[]): AppState {
  return run({ type: 'open-design', topology: distributed }, ...actions);
}
function design(state: AppState): DesignState {
  if (!state.design) throw new Error('no design open');
  return state.design;
}
const sim = (state: AppState) => currentFrame(design(state).timeline).sim;
const hops = (state: AppState) => currentFrame(design(state).timeline).trace?.hops.length ?? 0;

describe('opening and leaving a design', () => {
  it('opens on a settled engine with the front door selected', () => {
    const state = opened();
    expect(state.screen).toBe('design');
    expect(design(state).timeline).toMatchObject({ at: 0, hop: 0 });
    expect(design(state).selected).toBe('haproxy-1');
    expect(state.message?.text).toContain('s sends a request');
  });

  it('goes home, and highlights the design it came from', () => {
    expect(run({ type: 'highlight', index: 3 }).highlighted).toBe(3);
    const home = opened({ type: 'go-home' });
    expect(home.screen).toBe('home');
    expect(home.design).toBeNull();
    expect(home.highlighted).toBe(1);
  });
});

describe('engine inputs', () => {
  it('appends a frame per input and says what happened', () => {
    const state = opened({ type: 'engine', input: { type: 'fail', id: 'server-1' } });
    expect(design(state).timeline.entries).toHaveLength(2);
    expect(isDown(sim(state), 'nginx-1')).toBe(true);
    expect(state.message?.text).toContain('server-1 is down');
  });

  it('refuses inputs that make no sense, without a frame', () => {
    const twice = opened({ type: 'engine', input: { type: 'fail', id: 'server-1' } }, { type: 'engine', input: { type: 'fail', id: 'server-1' } });
    expect(design(twice).timeline.entries).toHaveLength(2);
    expect(twice.message).toMatchObject({ level: 'warn' });
    for (const input of [{ type: 'heal', id: 'server-1' }, { type: 'heal-all' }, { type: 'promote', id: 'nginx-1' }, { type: 'promote', id: 'mysql-1' }] as const) {
      const state = opened({ type: 'engine', input });
      expect(design(state).timeline.entries).toHaveLength(1);
      expect(state.message?.level).toBe('warn');
    }
  });

  it('toggles the selection down and up', () => {
    const down = opened({ type: 'select', id: 'nginx-2' }, { type: 'toggle-selected' });
    expect(sim(down).failed).toEqual(['nginx-2']);
    const up = appReducer(down, { type: 'toggle-selected' });
    expect(sim(up).failed).toEqual([]);
  });

  it('hangs an app server or a database, and restarts it with the same key, Enter or heal', () => {
    const hung = opened({ type: 'select', id: 'app-1' }, { type: 'toggle-hang' });
    expect(sim(hung).hung).toEqual(['app-1']);
    expect(hung.message?.text).toContain('app-1 hangs');
    for (const undo of [{ type: 'toggle-hang' }, { type: 'toggle-selected' }, { type: 'engine', input: { type: 'heal', id: 'app-1' } }] as const) {
      const restarted = appReducer(hung, undo);
      expect(sim(restarted).hung).toEqual([]);
      expect(sim(restarted).failed).toEqual([]);
      expect(restarted.message?.text).toBe('app-1 restarted: it answers again');
    }
    const all = appReducer(hung, { type: 'engine', input: { type: 'heal-all' } });
    expect([sim(all).hung, all.message?.level]).toEqual([[], 'info']);
  });

  it('refuses to hang what cannot hang, is down, or already hangs', () => {
    const cases: readonly [readonly Action[], string][] = [
      [[{ type: 'select', id: 'nginx-1' }, { type: 'toggle-hang' }], 'nginx-1 cannot hang'],
      [[{ type: 'engine', input: { type: 'fail', id: 'server-1' } }, { type: 'engine', input: { type: 'hang', id: 'app-1' } }], 'app-1 is down, so it cannot hang'],
      [[{ type: 'engine', input: { type: 'hang', id: 'mysql-2' } }, { type: 'engine', input: { type: 'hang', id: 'mysql-2' } }], 'mysql-2 already hangs'],
    ];
    for (const [actions, message] of cases) {
      const state = opened(...actions);
      expect(state.message).toMatchObject({ level: 'warn' });
      expect(state.message?.text).toContain(message);
      expect(design(state).timeline.entries).toHaveLength(design(opened(...actions.slice(0, -1))).timeline.entries.length);
    }
  });

  it("puts a server in HAProxy's maintenance and back: UP at once, checked right away", () => {
    const maint = (on: boolean) => ({ type: 'engine', input: { type: 'maintenance', lb: 'haproxy-1', server: 'nginx-2', on } }) as const;
    const inMaint = opened(maint(true));
    expect(sim(inMaint).lbs['haproxy-1']?.health['nginx-2']).toMatchObject({ maint: true, up: false });
    expect(inMaint.message?.text).toContain('gets no requests and is not checked');
    const ready = appReducer(inMaint, maint(false));
    expect(sim(ready).lbs['haproxy-1']?.health['nginx-2']).toMatchObject({ maint: false, up: true });
    expect(ready.message?.text).toContain('UP at once, and checked right away');
    expect(appReducer(ready, maint(false)).message).toMatchObject({ level: 'warn', text: 'nginx-2 is not in maintenance on haproxy-1' });
  });

  it('promotes a replica, by id or the selection', () => {
    expect(sim(opened({ type: 'promote', id: 'mysql-2' })).databases['mysql-2']?.readOnly).toBe(false);
    expect(sim(opened({ type: 'select', id: 'mysql-2' }, { type: 'promote' })).databases['mysql-2']?.readOnly).toBe(false);
  });

  it('lets virtual time pass', () => {
    expect(sim(opened({ type: 'engine', input: { type: 'advance', ms: 5000 } })).now - sim(opened()).now).toBe(5000);
  });
});

describe('stepping and time travel', () => {
  it('starts a request at its first hop and steps to its end', () => {
    let state = opened(GET);
    const n = hops(state);
    expect(n).toBeGreaterThan(2);
    expect(design(state).timeline.hop).toBe(1);
    for (let i = 1; i < n; i++) state = appReducer(state, { type: 'step' });
    expect(design(state).timeline.hop).toBe(n);
    const after = appReducer(state, { type: 'step' });
    expect(after.design).toBe(state.design);
    expect(after.message?.text).toContain('newest point');
  });

  it('steps back hop by hop, then to the exact state before the request', () => {
    const failed = opened({ type: 'engine', input: { type: 'fail', id: 'app-1' } });
    const sent = appReducer(appReducer(failed, GET), { type: 'step' });
    const back = appReducer(appReducer(sent, { type: 'back' }), { type: 'back' });
    expect(design(back).timeline.at).toBe(1);
    expect(sim(back)).toEqual(sim(failed));
    const start = appReducer(back, { type: 'back' });
    expect(sim(start)).toBe(design(failed).timeline.entries[0]?.sim);
    expect(design(start).timeline.at).toBe(0);
    expect(appReducer(start, { type: 'back' }).message?.text).toContain('start of the history');
  });

  it('redoes forward through the kept frames, and branches on a new input', () => {
    const two = opened({ type: 'engine', input: { type: 'fail', id: 'nginx-1' } }, { type: 'engine', input: { type: 'advance', ms: 1000 } });
    const past = appReducer(appReducer(two, { type: 'back' }), { type: 'back' });
    expect(design(past).timeline.at).toBe(0);
    expect(design(appReducer(past, { type: 'step' })).timeline.at).toBe(1);
    const branch = appReducer(past, { type: 'engine', input: { type: 'fail', id: 'nginx-2' } });
    expect(design(branch).timeline.entries.map((f) => f.input?.type ?? null)).toEqual([null, 'fail']);
    expect(branch.message?.text).toContain('new branch');
  });

  it('replays the shown request from its first hop', () => {
    const done = opened(GET, { type: 'step' }, { type: 'step' });
    expect(design(appReducer(done, { type: 'replay' })).timeline.hop).toBe(1);
    expect(opened({ type: 'replay' }).message?.text).toContain('no request');
  });

  it('gives the same states when the same actions are replayed', () => {
    // A dead machine's checks time out, one every 2 × inter: HAProxy marks it DOWN 10–12 s after.
    const actions: Action[] = [{ type: 'engine', input: { type: 'fail', id: 'server-1' } }, { type: 'engine', input: { type: 'advance', ms: 15_000 } }, GET, { type: 'step' }];
    const [first, second] = [opened(...actions), opened(...actions)];
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    // And the state is the one the design implies: server-1 is down, so nginx-2 serves the request.
    expect(isDown(sim(first), 'server-1')).toBe(true);
    expect(currentFrame(design(first).timeline).trace?.outcome).toMatchObject({ status: 200, servedBy: 'nginx-2' });
  });
});

describe('selection', () => {
  it('cycles through components and hosts in Tab order, wrapping', () => {
    const ids = selectableIds(distributed);
    let state = opened({ type: 'select', id: ids[ids.length - 1] ?? '' });
    state = appReducer(state, { type: 'cycle-selection', delta: 1 });
    expect(design(state).selected).toBe(ids[0]);
    expect(design(appReducer(state, { type: 'cycle-selection', delta: -1 })).selected).toBe(ids[ids.length - 1]);
  });

  it('moves to the nearest box in a direction, as drawn', () => {
    const box = (id: string, x: number, y: number, kind: LayoutBox['kind'] = 'component'): LayoutBox => ({ id, kind, x, y, width: 8, height: 3, label: id, shape: 'tall' });
    const boxes = [box('haproxy-1', 10, 10), box('nginx-1', 30, 4), box('nginx-2', 30, 16), box('browser', 0, 10), box('lb-1', 8, 8, 'host')];
    const move = (direction: 'left' | 'right' | 'up' | 'down') => design(opened({ type: 'move-selection', direction, boxes })).selected;
    expect(move('left')).toBe('browser');
    expect(move('up')).toBe('lb-1');
    expect(move('down')).toBe('nginx-2');
    expect(['nginx-1', 'nginx-2']).toContain(move('right'));
    const stuck = opened({ type: 'select', id: 'nginx-1' }, { type: 'move-selection', direction: 'up', boxes });
    expect(design(stuck).selected).toBe('nginx-1');
  });
});

describe('modes, panels and overlays', () => {
  it('walks the tour, selecting what each slide is about, within bounds', () => {
    const tour = opened({ type: 'tour', to: 'toggle' });
    expect(design(tour)).toMatchObject({ mode: 'tour', slide: 0, selected: distributed.tour[0]?.focus[0] });
    const next = appReducer(tour, { type: 'tour', to: 'next' });
    expect(design(next).slide).toBe(1);
    expect(appReducer(tour, { type: 'tour', to: 'prev' }).message?.text).toBe('first slide');
    expect(design(appReducer(next, { type: 'tour', to: 'toggle' })).mode).toBe('explore');
  });

  it('reopens the tour at the slide it was left at, and from the start once it was finished', () => {
    const left = opened({ type: 'tour', to: 'toggle' }, { type: 'tour', to: 'next' }, { type: 'escape' }, { type: 'engine', input: { type: 'fail', id: 'nginx-1' } });
    expect(design(left).mode).toBe('explore');
    expect(appReducer(opened({ type: 'tour', to: 'toggle' }, { type: 'tour', to: 'next' }), { type: 'escape' }).message?.text).toBe(`tour left at slide 2/${distributed.tour.length}: t goes on from there`);
    const back = appReducer(left, { type: 'tour', to: 'toggle' });
    expect(design(back)).toMatchObject({ mode: 'tour', slide: 1 });
    expect(back.message?.text).toBe(`the tour goes on at slide 2/${distributed.tour.length}, where it was left`);
    const steps = Array.from({ length: distributed.tour.length - 1 }, () => ({ type: 'tour', to: 'next' }) as const);
    const finished = opened({ type: 'tour', to: 'toggle' }, ...steps, { type: 'tour', to: 'toggle' }, { type: 'tour', to: 'toggle' });
    expect(design(finished)).toMatchObject({ mode: 'tour', slide: 0 });
  });

  it('computes the SPOF overlay once and toggles it', () => {
    const on = opened({ type: 'toggle-spof' });
    expect(design(on).mode).toBe('spof');
    expect(design(on).spof?.map((r) => r.id)).toContain('haproxy-1');
    const again = appReducer(appReducer(on, { type: 'toggle-spof' }), { type: 'toggle-spof' });
    expect(design(again).spof).toBe(design(on).spof);
  });

  it('switches panels and the inspector page', () => {
    expect(design(opened({ type: 'toggle-panel' })).panel).toBe('inspector');
    expect(design(opened({ type: 'toggle-config' }))).toMatchObject({ panel: 'inspector', inspector: 'config' });
  });

  it('draws a big design box by box or grouped, and leaves a small one as it is', () => {
    const opening = run({ type: 'open-design', topology: generatedTopology('tiered', 300) });
    // Opening one says which key gives every part its own box (the drawing's notice says it is grouped).
    expect(opening.message?.text).toMatch(/: g gives every part its own box/);
    const big = appReducer(opening, { type: 'toggle-groups' });
    expect(design(big).expanded).toBe(true);
    expect(design(appReducer(big, { type: 'toggle-groups' })).expanded).toBe(false);
    const small = opened({ type: 'toggle-groups' });
    expect(design(small).expanded).toBeUndefined();
    expect(small.message?.text).toBe('every component already has a box of its own');
  });

  it('opens overlays, edits the line, moves the composer', () => {
    const line = run({ type: 'overlay', overlay: 'command', draft: 'send ' });
    expect(line).toMatchObject({ overlay: 'command', line: { text: 'send ', cursor: 5 } });
    expect(appReducer(line, { type: 'line', line: lineWith('step') }).line.text).toBe('step');
    const composer = run({ type: 'overlay', overlay: 'composer' }, { type: 'composer-move', delta: -1, count: 5 });
    expect(composer.composer).toBe(4);
  });

  it('peels one layer per Esc: overlay, mode, design', () => {
    let state = opened({ type: 'tour', to: 'toggle' }, { type: 'overlay', overlay: 'help' });
    state = appReducer(state, { type: 'escape' });
    expect([state.overlay, design(state).mode]).toEqual(['none', 'tour']);
    state = appReducer(state, { type: 'escape' });
    expect(design(state).mode).toBe('explore');
    expect(appReducer(state, { type: 'escape' }).screen).toBe('home');
  });

  it('shows messages and quits', () => {
    expect(run({ type: 'message', message: { text: 'hi', level: 'info' } }).message?.text).toBe('hi');
    expect(run({ type: 'quit' }).quitting).toBe(true);
  });

  it('ignores design actions on the home screen', () => {
    const home = run();
    expect(appReducer(home, { type: 'step' })).toBe(home);
  });
});
