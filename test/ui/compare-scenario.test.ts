import { describe, expect, it } from 'vitest';
import { builtinScenarios, loadScenario } from '../../source/commands/load-scenario.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { summarize } from '../../source/sim/index.js';
import type { AppEnv, BuiltinScenario } from '../../source/ui/app-context.js';
import { chooseScenario, compareScenarioActions } from '../../source/ui/commands/compare-scenario.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState, type AppState } from '../../source/ui/state/app-state.js';
import { compareDesigns } from '../../source/ui/state/compare.js';

const scenarios: Promise<BuiltinScenario[]> = Promise.all(builtinScenarios().map(async (name) => ({ name, ...(await loadScenario(name, process.cwd())) })));
const env: AppEnv = { loadTopology: loadBuiltin, designs: () => [], builtinScenarios: () => scenarios };
const builtins = ['0', '1', '2', '3', '4'].map((n) => loadBuiltin(n));
const run = (state: AppState, ...actions: readonly Action[]) => actions.reduce(appReducer, state);

/** The compare screen with design `column` highlighted on the row labelled `label`, its figures computed. */
function highlighted(column: number, label: string): AppState {
  const home = initialAppState(1);
  const rows = ['servers', 'https', 'firewalls', 'monitoring', 'max qps', 'bottleneck', 'deploy downtime', 'failed in deploy', 'SPOFs (outage)', 'lose writes', 'partial', 'degraded', 'LB dies: gap', 'LB dies: failed', 'DB dies: gap', 'DB dies: failed'];
  return computed(run(home, { type: 'open-compare', designs: compareDesigns(home, builtins) }, { type: 'compare-move', row: rows.indexOf(label), column, rows: rows.length }));
}

/** `compare-next` until the highlighted design has its figures. */
function computed(state: AppState): AppState {
  let s = state;
  while (s.compare && s.compare.summaries[s.compare.column] === null) s = run(s, { type: 'compare-next' });
  return s;
}

describe('from the compare screen, the scenario that shows a figure', () => {
  it('picks, for each figure, the step of the design\'s scenario that makes it happen', async () => {
    const all = await scenarios;
    const [d0, , , d3, d4] = builtins;
    if (!d0 || !d3 || !d4) throw new Error('built-ins missing');
    const s4 = summarize(d4);
    expect(chooseScenario('deploy', s4, d4, all)).toMatchObject({ scenario: { name: '4-high-availability-survives' }, line: 'deploy' });
    expect(chooseScenario('lb-failover', s4, d4, all)?.line).toBe('fail lb-1');
    expect(chooseScenario('db-failover', s4, d4, all)?.line).toBe('fail mysql-1');
    expect(chooseScenario('lb-failover', summarize(d3), d3, all)).toMatchObject({ scenario: { name: '3-scaled-failover' }, start: 0, line: 'fail lb-1' });
    expect(chooseScenario('spof', summarize(d0), d0, all)?.line).toBe('fail server-1');
    expect(chooseScenario('deploy', summarize(d0), { ...d0, id: 'my-site' }, all)).toBeNull();
  });

  it('p plays it up to the narration before that step, and says so', async () => {
    const state = highlighted(4, 'failed in deploy');
    const actions = await compareScenarioActions(state, env);
    const after = run(state, ...actions);
    const steps = after.scenario?.scenario.steps ?? [];
    expect(after.scenario?.scenario.topology).toBe('high-availability');
    // The next step is the narration of the deploy, the one after it the deploy itself.
    expect(steps[after.scenario?.next ?? -1]?.body).toMatchObject({ kind: 'say' });
    expect(steps[(after.scenario?.next ?? -1) + 1]?.body).toEqual({ kind: 'do', line: 'deploy' });
    expect(after.design?.traffic).not.toBeNull();
    expect(after.message?.text).toBe(`scenario 4-high-availability-survives, up to "deploy", step ${(after.scenario?.next ?? 0) + 1} of ${steps.length}: its next step shows failed in deploy`);
  });

  it('says in one line when there is none, or while the figures are computed', async () => {
    const home = initialAppState(1);
    const mine = { ...builtins[1], id: 'my-site' } as (typeof builtins)[number];
    const opened = run(home, { type: 'open-design', topology: mine });
    const compare = run(opened, { type: 'open-compare', designs: compareDesigns(opened, builtins) });
    expect(await compareScenarioActions(compare, env)).toEqual([{ type: 'message', message: { text: 'the figures of my-site are still being computed', level: 'warn' } }]);
    const done = computed(compare);
    expect((await compareScenarioActions(done, env))[0]).toMatchObject({ message: { text: /^no built-in scenario plays my-site/ } });
    expect(await compareScenarioActions(done, { loadTopology: loadBuiltin, designs: () => [] })).toEqual([{ type: 'message', message: { text: 'no scenarios in this session', level: 'warn' } }]);
  });
});
