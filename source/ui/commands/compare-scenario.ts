/**
 * From the compare screen, the built-in scenario that shows the highlighted figure: among the
 * scenarios of the highlighted design, the first with a step that makes that figure happen (a
 * deploy, the load balancer's machine or the primary dying, a single point of failure failing,
 * the load raised), played up to the narration just before that step.
 */
import type { Topology } from '../../model/types.js';
import type { CompareFigure, DesignSummary } from '../../sim/index.js';
import type { AppEnv, BuiltinScenario } from '../app-context.js';
import type { Action } from '../state/actions.js';
import type { AppState } from '../state/app-state.js';
import { compareFigure } from '../state/compare.js';

/** Where to start a scenario: its name, the step index to play up to, and the step that shows the figure. */
export interface ScenarioChoice {
  readonly scenario: BuiltinScenario;
  readonly start: number;
  /** The `do` line that shows the figure, or null when none does (the scenario plays from its start). */
  readonly line: string | null;
}

const fails = (ids: readonly string[]) => (line: string) => ids.some((id) => line === `fail ${id}`);

/** Per figure, whether a scenario's `do` line makes it happen. */
function showsFigure(figure: CompareFigure, s: DesignSummary, topology: Topology): (line: string) => boolean {
  const onHost = (host: string | undefined) => (host === undefined ? [] : [host, ...topology.components.filter((c) => c.host === host).map((c) => c.id)]);
  switch (figure) {
    case 'deploy':
      return (l) => l === 'deploy';
    case 'capacity':
      return (l) => l.startsWith('qps ');
    case 'lb-failover':
      return fails(onHost(s.loadBalancerFailover?.id));
    case 'db-failover':
      return (l) => fails([s.primaryFailover?.id ?? ''])(l) || l.startsWith('promote ');
    case 'spof':
      return fails(s.spofs);
    case 'writes':
      return fails(s.writeLoss);
    case 'partial':
      return fails(s.partial);
    case 'degraded':
      return fails(s.degraded);
    default:
      return (l) => l.startsWith('send ') || l.startsWith('wire ');
  }
}

/**
 * The scenario to play for `figure` of the design `topology` (summarized as `s`), or null when no
 * built-in scenario plays that design. Starts at the narration (say, note, ask, pause) that leads
 * to the step, so the next step tells the audience what is about to happen.
 */
export function chooseScenario(figure: CompareFigure, s: DesignSummary, topology: Topology, scenarios: readonly BuiltinScenario[]): ScenarioChoice | null {
  const mine = scenarios.filter((b) => b.designs[b.scenario.topology]?.id === topology.id);
  const shows = showsFigure(figure, s, topology);
  for (const b of mine) {
    const index = b.scenario.steps.findIndex((step) => step.body.kind === 'do' && shows(step.body.line));
    const step = b.scenario.steps[index];
    if (!step || step.body.kind !== 'do') continue;
    let start = index;
    while (start > 0 && !['do', 'act'].includes(b.scenario.steps[start - 1]?.body.kind ?? 'do')) start--;
    return { scenario: b, start, line: step.body.line };
  }
  const first = mine[0];
  return first ? { scenario: first, start: 0, line: null } : null;
}

const say = (text: string, level: 'info' | 'warn' = 'info'): Action => ({ type: 'message', message: { text, level } });

/**
 * The actions that play the chosen scenario from the compare screen: open it, play it up to the
 * start, and say what comes next; or one footer line saying why there is none.
 */
export async function compareScenarioActions(state: AppState, env: AppEnv): Promise<readonly Action[]> {
  const at = compareFigure(state);
  if (!at) return [];
  if (!at.summary) return [say(`the figures of ${at.topology.id} are still being computed`, 'warn')];
  if (!env.builtinScenarios) return [say('no scenarios in this session', 'warn')];
  const choice = chooseScenario(at.figure, at.summary, at.topology, await env.builtinScenarios());
  if (!choice) return [say(`no built-in scenario plays ${at.topology.id}: infra-tui ${at.topology.id} --record <file> makes one`, 'warn')];
  const { scenario, designs, name } = choice.scenario;
  const shows = choice.line === null ? 'from its start' : `up to "${choice.line}", step ${choice.start + 1} of ${scenario.steps.length}`;
  return [
    { type: 'scenario-open', scenario, designs },
    ...Array.from({ length: choice.start }, (): Action => ({ type: 'scenario-step', to: 'next' })),
    say(`scenario ${name}, ${shows}: its next step shows ${at.label}`),
  ];
}
