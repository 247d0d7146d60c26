import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinIds } from '../../source/model/builtin-ids.js';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import { topologyIndex } from '../../source/sim/topology-index.js';
import { routeKey } from '../../source/ui/keys/route-key.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { createAppStore } from '../../source/ui/state/app-store.js';
import { createStore } from '../../source/ui/state/store.js';
import { selectableIds } from '../../source/ui/state/selection.js';

const designs = builtinIds.map((id) => loadBuiltin(id));
/** Every id a user can select or type in any built-in, plus the browser and a name nobody has. */
const ids = [...new Set(designs.flatMap((t) => [...topologyIndex(t).failable, topologyIndex(t).client.id])), 'nobody'];
const env = { loadTopology: loadBuiltin, designs: builtins };

/** Key names as the key maps spell them, and a few that no map binds. */
const keyNames = [
  ...'0123456789sSnbrhjklfuHTdmewptxicqQ?:/+-=_<>.,[]{}!@#',
  'space', 'enter', 'esc', 'tab', 'shift-tab', 'backspace', 'up', 'down', 'left', 'right', 'pageup', 'pagedown',
  'ctrl-a', 'ctrl-e', 'ctrl-u', 'ctrl-w', 'ctrl-l', 'ctrl-z',
];
const words = ['fail', 'heal', 'hang', 'promote', 'maint', 'advance', 'send', 'goto', 'traffic', 'qps', 'mix', 'speed', 'log', 'wire', 'tour', 'all', 'on', 'off', 'GET /', 'POST /signup', '1s', '10s', '0', '-5', '3x', '30:50:20', ...ids];
const keyPress = fc.constantFrom(...keyNames).map((name) => ({ name, input: name.length === 1 ? name : name === 'space' ? ' ' : '' }));
/** A whole command typed after `:`, word by word, then Enter. */
const commandLine = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((parts) => [
  { name: ':', input: ':' },
  ...[...parts.join(' ')].map((ch) => ({ name: ch === ' ' ? 'space' : ch, input: ch })),
  { name: 'enter', input: '' },
]);
const session = fc.array(fc.oneof(keyPress.map((k) => [k]), commandLine), { minLength: 1, maxLength: 60 }).map((chunks) => chunks.flat());

const id = fc.constantFrom(...ids);
/** Actions as any part of the UI could dispatch them, including values no key produces. */
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom(...designs).map((topology) => ({ type: 'open-design', topology }) as const),
  fc.constantFrom<Action>({ type: 'go-home' }, { type: 'toggle-selected' }, { type: 'toggle-hang' }, { type: 'step' }, { type: 'back' }, { type: 'replay' }, { type: 'toggle-spof' }, { type: 'toggle-panel' }, { type: 'toggle-config' }, { type: 'toggle-groups' }, { type: 'escape' }, { type: 'deploy' }, { type: 'tour', to: 'toggle' }, { type: 'tour', to: 'next' }, { type: 'tour', to: 'prev' }, { type: 'traffic', to: 'toggle' }, { type: 'traffic', to: 'on' }, { type: 'traffic', to: 'off' }),
  id.map((i) => ({ type: 'select', id: i }) as const),
  id.map((i) => ({ type: 'promote', id: i }) as const),
  fc.tuple(fc.constantFrom('fail', 'heal', 'hang', 'promote') , id).map(([type, i]) => ({ type: 'engine', input: { type, id: i } }) as Action),
  fc.tuple(id, id, fc.boolean()).map(([lb, server, on]) => ({ type: 'engine', input: { type: 'maintenance', lb, server, on } }) as const),
  fc.integer({ min: -1000, max: 120_000 }).map((ms) => ({ type: 'engine', input: { type: 'advance', ms } }) as const),
  // An advance long enough to run in slices under traffic, and the slices themselves.
  fc.constantFrom(600_000, 3_600_000).map((ms) => ({ type: 'engine', input: { type: 'advance', ms } }) as const),
  fc.constant<Action>({ type: 'work' }),
  fc.integer({ min: -100, max: 2000 }).map((ms) => ({ type: 'tick', ms }) as const),
  fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.constant(Number.NaN)).map((qps) => ({ type: 'qps', qps }) as const),
  fc.constantFrom<1 | -1>(1, -1).map((delta) => ({ type: 'qps-step', delta }) as const),
  fc.constantFrom<1 | -1>(1, -1).map((delta) => ({ type: 'speed-step', delta }) as const),
  fc.tuple(id, id).map(([from, to]) => ({ type: 'wire', from, to }) as const),
  fc.constantFrom('main', 'log', 'monitor', 'wire').map((view) => ({ type: 'view', view }) as Action),
  fc.integer({ min: -3, max: 10 }).map((index) => ({ type: 'highlight', index }) as const),
);

/** What must hold of any state the store reaches, whatever came before. */
function expectInvariants(state: AppState): void {
  if (state.message) expect(state.message.text).not.toContain('\n');
  const design = state.design;
  if (!design) return;
  expect(selectableIds(design.topology)).toContain(design.selected);
  const { timeline } = design;
  expect(timeline.at).toBeGreaterThanOrEqual(0);
  expect(timeline.at).toBeLessThan(timeline.entries.length);
  expect(timeline.hop).toBeGreaterThanOrEqual(0);
  if (timeline.current.trace) expect(timeline.hop).toBeLessThanOrEqual(timeline.current.trace.hops.length + 1);
  const traffic = design.traffic;
  if (traffic) {
    expect(Number.isFinite(traffic.state.options.qps) && traffic.state.options.qps >= 0).toBe(true);
    expect([0, 1, 10, 100]).toContain(traffic.speed);
    expect(traffic.state.sim.now).toBeGreaterThanOrEqual(traffic.since);
    if (traffic.catchUp) expect(traffic.catchUp.leftMs > 0 && traffic.catchUp.leftMs <= traffic.catchUp.totalMs).toBe(true);
  }
}

describe('the store never lets an error end the session', () => {
  it('random key sessions (keys and whole command lines) on every design never throw, the reducer never fails, and the invariants hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), session, (design, presses) => {
        const errors: unknown[] = [];
        const store = createStore(appReducer, initialAppState(1), (state, error) => (errors.push(error), state));
        store.dispatch({ type: 'open-design', topology: designs[design]! });
        for (const press of presses) {
          routeKey(press, { store, env, boxes: [], usable: true });
          expectInvariants(store.getState());
        }
        expect(errors).toEqual([]);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('random actions never throw out of dispatch, the invariants hold, and a failed action leaves the state as it was plus one error line', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
        const store = createAppStore(initialAppState(1));
        for (const a of actions) {
          const before = store.getState();
          expect(() => store.dispatch(a)).not.toThrow();
          const after = store.getState();
          expectInvariants(after);
          if (after.message?.level === 'error' && after.message.text.startsWith('cannot do that:')) {
            expect({ ...after, message: before.message }).toEqual(before);
            expect(after.message.text).not.toContain('\n');
          }
        }
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('a resize between any two keys changes nothing but the size: no list, line, question or pending step is lost', () => {
    const size = fc.record({ columns: fc.integer({ min: 60, max: 300 }), rows: fc.integer({ min: 18, max: 100 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), session, fc.array(fc.tuple(fc.nat(), size), { minLength: 1, maxLength: 8 }), (design, presses, resizes) => {
        const [plain, resized] = [createAppStore(initialAppState(1)), createAppStore(initialAppState(1))];
        for (const store of [plain, resized]) store.dispatch({ type: 'open-design', topology: designs[design]! });
        presses.forEach((press, at) => {
          for (const [where, to] of resizes) if (where % presses.length === at) resized.dispatch({ type: 'resize', ...to });
          for (const store of [plain, resized]) routeKey(press, { store, env, boxes: [], usable: true });
        });
        expect({ ...resized.getState(), size: null }).toEqual({ ...plain.getState(), size: null });
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it('design 0: the tour selects the browser, and Enter or f says it cannot fail instead of ending the app', () => {
    const store = createAppStore(initialAppState(1));
    store.dispatch({ type: 'open-design', topology: designs[0]! });
    routeKey({ name: 't', input: 't' }, { store, env, boxes: [], usable: true });
    expect(store.getState().design?.selected).toBe('browser');
    const before: AppState = store.getState();
    for (const name of ['enter', 'f']) {
      routeKey({ name, input: name === 'f' ? 'f' : '' }, { store, env, boxes: [], usable: true });
      expect(store.getState().message).toEqual({ text: 'browser cannot be taken down: only components and hosts can fail', level: 'warn' });
      expect(store.getState().design?.timeline).toBe(before.design?.timeline);
    }
  });
});

describe('createAppStore', () => {
  it('turns an error thrown while reducing into one footer line, the state otherwise as it was', () => {
    const store = createAppStore(initialAppState(1));
    const before = store.getState();
    // A design action whose engine input names nothing: the engine itself throws for it.
    store.dispatch({ type: 'open-design', topology: designs[1]! });
    const opened = store.getState();
    store.dispatch({ type: 'engine', input: { type: 'maintenance', lb: 'haproxy-1', server: 'server-9', on: true } });
    expect(store.getState().design).toBe(opened.design);
    expect(before.design).toBeNull();
  });
});
