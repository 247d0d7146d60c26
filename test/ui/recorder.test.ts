import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../source/commands/load-scenario.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { createAppStore } from '../../source/ui/state/app-store.js';
import { recordStore } from '../../source/ui/state/recorder.js';

/**
 * The state without the scenario being played: what the screen is drawn from. And without the
 * terminal's size, which a replay takes from the file while no app told these states one.
 */
const shown = (state: AppState) => ({ ...state, scenario: null, size: null });

/** Dispatches `actions` through a recording store; returns the scenario text and the state after each recorded action. */
function record(actions: readonly Action[]): { text: string; states: AppState[] } {
  const recording = recordStore(createAppStore(initialAppState(1)), (id) => id, 1);
  const states: AppState[] = [];
  for (const action of actions) {
    recording.store.dispatch(action);
    if (action.type !== 'tick' && action.type !== 'open-design') states.push(recording.store.getState());
  }
  return { text: recording.text({ columns: 100, rows: 30 }) ?? '', states };
}

async function replay(text: string): Promise<AppState[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'infra-tui-record-')), 'session.yaml');
  writeFileSync(file, text);
  const { scenario, designs } = await loadScenario(file, '/');
  let state = appReducer(initialAppState(scenario.seed), { type: 'scenario-open', scenario, designs });
  return scenario.steps.map(() => (state = appReducer(state, { type: 'scenario-step', to: 'next' })));
}

const ticks = (n: number, ms = 80): Action[] => Array.from({ length: n }, () => ({ type: 'tick', ms }));

describe('recording and replaying', () => {
  it('replays a session of steps, failures, views and live traffic to the same states, step by step', async () => {
    const session: Action[] = [
      { type: 'open-design', topology: loadBuiltin('1') },
      { type: 'select', id: 'app-1' },
      { type: 'toggle-panel' },
      { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } },
      { type: 'step' },
      { type: 'step' },
      { type: 'back' },
      { type: 'engine', input: { type: 'fail', id: 'server-1' } },
      { type: 'engine', input: { type: 'advance', ms: 5000 } },
      { type: 'traffic', to: 'on' },
      ...ticks(25),
      { type: 'qps-step', delta: 1 },
      ...ticks(13),
      { type: 'speed-step', delta: 1 },
      ...ticks(7, 800),
      { type: 'view', view: 'log' },
      { type: 'scroll', target: 'main', spot: { key: 'distributed log ', offset: 3 } },
      { type: 'toggle-selected' },
      ...ticks(5, 800),
      { type: 'traffic', to: 'leave' },
      { type: 'back' },
      { type: 'overlay', overlay: 'help' },
      { type: 'escape' },
    ];
    const { text, states } = record(session);
    expect(text).toContain('do: "fail server-1"');
    expect(text).toContain('act: {"type":"select","id":"app-1"}');
    const replayed = await replay(text);
    expect(replayed).toHaveLength(states.length);
    replayed.forEach((state, i) => expect(shown(state), `step ${i + 1}`).toEqual(states[i]));
  });

  it('keeps the virtual time each step happened at, ticks included', () => {
    const { text } = record([{ type: 'open-design', topology: loadBuiltin('0') }, { type: 'traffic', to: 'on' }, ...ticks(10), { type: 'qps-step', delta: 1 }]);
    expect(text).toMatch(/at: 0s, do: "traffic on"/);
    expect(text).toMatch(/at: 0\.8s, act: \{"type":"qps-step","delta":1\}/);
  });

  it('keeps the size it started at, and each change of it as a step that a replay lays the next steps out at', async () => {
    const recording = recordStore(createAppStore(initialAppState(1)), (id) => id, 1);
    const sized = (columns: number, rows: number): Action => ({ type: 'resize', columns, rows });
    const session: Action[] = [
      sized(100, 30),
      sized(120, 40),
      { type: 'open-design', topology: loadBuiltin('1') },
      { type: 'select', id: 'app-1' },
      sized(80, 24),
      sized(80, 24),
      { type: 'toggle-panel' },
      sized(100, 30),
      { type: 'escape' },
    ];
    for (const action of session) recording.store.dispatch(action);
    const text = recording.text({ columns: 1, rows: 1 }) ?? '';
    expect(text).toContain('size: { columns: 120, rows: 40 }');
    expect(text.match(/act: \{"type":"resize","columns":80,"rows":24\}/g)).toHaveLength(1);
    expect(text.match(/act: \{"type":"resize","columns":100,"rows":30\}/g)).toHaveLength(1);
    const replayed = await replay(text);
    expect(replayed.map((s) => s.size && `${s.size.columns}x${s.size.rows}`)).toEqual(['120x40', '80x24', '80x24', '100x30', '100x30']);
  });

  it('takes the size it is given when the app never said one', () => {
    const { text } = record([{ type: 'open-design', topology: loadBuiltin('0') }, { type: 'step' }]);
    expect(text).toContain('size: { columns: 100, rows: 30 }');
    expect(text).not.toContain('resize');
  });
});
