import { resolve } from 'node:path';
import { loadScenario } from '../../source/commands/load-scenario.js';
import { roundTally, type Trace } from '../../source/sim/index.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { currentFrame } from '../../source/ui/state/timeline.js';

const root = resolve(import.meta.dirname, '../..');

/** Plays a scenario to its end with the app's reducer: the state before any step, then after each. */
export async function playAll(arg: string): Promise<{ states: AppState[]; lines: string[] }> {
  const { scenario, designs } = await loadScenario(arg, root);
  let state = appReducer(initialAppState(scenario.seed), { type: 'scenario-open', scenario, designs });
  const states = [state];
  for (let i = 0; i < scenario.steps.length; i++) {
    state = appReducer(state, { type: 'scenario-step', to: 'next' });
    states.push(state);
  }
  const lines = scenario.steps.map((s) => (s.body.kind === 'do' ? s.body.line : s.body.kind));
  return { states, lines };
}

/** The state right after the step written `line` (the first such step at or after `from`). */
export function after(played: { states: AppState[]; lines: string[] }, line: string, from = 0): AppState {
  const index = played.lines.indexOf(line, from);
  if (index < 0) throw new Error(`no step "${line}"`);
  return played.states[index + 1] as AppState;
}

/** The state right before the step written `line` (the first such step at or after `from`). */
export function before(played: { states: AppState[]; lines: string[] }, line: string, from = 0): AppState {
  const index = played.lines.indexOf(line, from);
  if (index < 0) throw new Error(`no step "${line}"`);
  return played.states[index] as AppState;
}

/** Requests sent and failed under traffic up to a state (0 when no traffic runs). */
export function tally(state: AppState): { sent: number; failed: number; byOutcome: Record<string, number> } {
  const totals = state.design?.traffic?.state.totals;
  return totals ? roundTally(totals) : { sent: 0, failed: 0, byOutcome: {} };
}

/** What traffic did between two states of one traffic run. */
export function between(a: AppState, b: AppState): { sent: number; failed: number } {
  const [x, y] = [tally(a), tally(b)];
  return { sent: y.sent - x.sent, failed: y.failed - x.failed };
}

/** The request shown in step mode after a state. */
export function traceOf(state: AppState): Trace {
  const trace = state.design && currentFrame(state.design.timeline).trace;
  if (!trace) throw new Error('no request in this state');
  return trace;
}
