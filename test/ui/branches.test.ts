import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { roundTally } from '../../source/sim/index.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { liveSim } from '../../source/ui/state/live-sim.js';
import { currentFrame } from '../../source/ui/state/timeline.js';
import { branchLines } from '../../source/ui/view/branch-lines.js';
import { parseCommandLine } from '../../source/ui/commands/parse-command-line.js';
import { commandContext } from '../../source/ui/commands/run-command.js';

const run = (state: AppState, ...actions: (Action | string)[]): AppState =>
  actions.reduce<AppState>((s, a) => {
    if (typeof a !== 'string') return appReducer(s, a);
    const parsed = parseCommandLine(a, commandContext(s, { boxes: [] }));
    if (!parsed.ok || parsed.intent.type === 'load' || parsed.intent.type === 'terminal' || parsed.intent.type === 'export' || parsed.intent.type === 'compare' || parsed.intent.type === 'compare-scenario') throw new Error(`${a}: ${parsed.ok ? 'not an action' : parsed.message}`);
    return appReducer(s, parsed.intent);
  }, state);

const opened = (n: string) => appReducer(initialAppState(1), { type: 'open-design', topology: loadBuiltin(n) });
const down = (s: AppState) => liveSim(s.design!).failed;
const ticks = (n: number): Action[] => Array.from({ length: n }, () => ({ type: 'tick', ms: 80 }));
const failed = (s: AppState) => roundTally(s.design!.traffic!.state.totals).failed;

describe('what-if branches', () => {
  it('in step mode: branch, break something, compare, and switch back to the line left exactly as it was', () => {
    const here = run(opened('1'), 'send GET /', 'advance 5s');
    const what = run(here, 'branch', 'fail server-1', 'advance 10s', 'send GET /');
    expect(what.design?.branch).toBe('what-if');
    expect(down(what)).toEqual(['server-1']);
    const lines = branchLines(what.design!, 80).map((l) => l.map((s) => s.text).join(''));
    expect(lines.join('\n')).toMatch(/what-if \(on screen\)\n.*down: server-1/);
    expect(lines.join('\n')).toMatch(/main\n.*nothing down/);
    const back = run(what, 'switch main');
    expect(back.design?.branch).toBe('main');
    expect(back.design?.timeline).toBe(here.design?.timeline);
    expect(down(back)).toEqual([]);
    const again = run(back, 'switch');
    expect(again.design?.timeline).toBe(what.design?.timeline);
    expect(again.design?.branches.map((b) => b.name)).toEqual(['main']);
  });

  it('in traffic mode: the line left keeps its live traffic exactly, frozen while the other runs', () => {
    const flowing = run(opened('1'), 'traffic on', ...ticks(30));
    const lbDown = run(flowing, 'branch lb-dies', 'fail lb-1', ...ticks(40));
    expect(failed(lbDown)).toBeGreaterThan(0);
    const main = run(lbDown, 'switch main');
    expect(main.design?.traffic).toBe(flowing.design?.traffic);
    expect(failed(run(main, ...ticks(40)))).toBe(0);
    expect(run(main, 'switch lb-dies').design?.traffic).toBe(lbDown.design?.traffic);
  });

  it('something new in the past keeps the history it replaces as a branch, and going back in it stays exact', () => {
    const later = run(opened('1'), 'fail server-1', 'advance 10s', 'send POST /signup');
    const past = run(later, { type: 'back' }, { type: 'back' }, { type: 'back' });
    const other = run(past, 'fail mysql-1');
    // First, so that an 80-column footer still shows it.
    expect(other.message?.text.slice(0, 78)).toContain(':switch earlier');
    const earlier = run(other, 'switch earlier');
    expect(earlier.design?.timeline).toBe(past.design?.timeline);
    // Its future is all there: forward again to where it was, state for state.
    const forward = run(earlier, ...Array.from({ length: 12 }, (): Action => ({ type: 'step' })));
    expect(currentFrame(forward.design!.timeline).sim).toEqual(currentFrame(later.design!.timeline).sim);
    expect(currentFrame(forward.design!.timeline).trace).toEqual(currentFrame(later.design!.timeline).trace);
  });

  it('refuses a taken name and an unknown branch in one line', () => {
    const one = run(opened('0'), 'branch a');
    expect(run(one, 'branch a').message?.text).toContain('already named a');
    expect(run(one, 'switch nope').message?.text).toContain('no branch nope');
    expect(run(opened('0'), 'switch').message?.text).toContain('there is no other branch');
  });
});
