import { parseDuration } from '../grammar/duration.js';
import { attempt } from '../grammar/input-error.js';
import { limits } from '../grammar/limits.js';
import { TopologyError } from '../model/errors.js';
import { formatProblems, placed, type Problem } from '../model/problems.js';
import { readYaml } from '../model/read-yaml.js';
import { checkSchema } from '../model/schema-issues.js';
import { scenarioFileSchema, type ScenarioFile } from './file-schema.js';
import type { Scenario, ScenarioStep, StepBody } from './types.js';

/**
 * Checks one `do` or `act` step against the design it plays on (the caller knows the commands
 * and actions of the app): undefined when it is fine, else what is wrong, in one line.
 */
export type StepCheck = (body: Extract<StepBody, { kind: 'do' | 'act' }>) => string | undefined;

/** What the caller found out about the file beyond its format: why its design cannot be used, how to check its steps. */
export interface ScenarioChecks {
  readonly topology?: string;
  readonly step?: StepCheck;
}

type FileStep = ScenarioFile['steps'][number];

function bodyOf(step: FileStep): StepBody {
  if (step.do !== undefined) return { kind: 'do', line: step.do.trim() };
  if (step.act !== undefined) return { kind: 'act', action: step.act };
  if (step.say !== undefined) return { kind: 'say', text: step.say.trim() };
  if (step.note !== undefined) return { kind: 'note', text: step.note.trim() };
  if (step.ask !== undefined) return { kind: 'ask', ask: { ...step.ask, answer: step.ask.answer - 1 } };
  return { kind: 'pause', text: (step.pause ?? '').trim() };
}

/** The steps with their times; problems for a time out of order, an answer that is not a choice, or a check that refuses. */
function readSteps(file: ScenarioFile, check: StepCheck | undefined): { steps: ScenarioStep[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const steps: ScenarioStep[] = [];
  let previous = 0;
  file.steps.forEach((step, index) => {
    const time = attempt(() => parseDuration(step.at, { min: 0, max: limits.runMs }));
    const at = time.ok ? time.value : previous;
    if (!time.ok) problems.push({ path: ['steps', index, 'at'], message: time.message });
    else if (at < previous) problems.push({ path: ['steps', index, 'at'], message: `${step.at} is before the step above it: steps are written in time order` });
    previous = Math.max(previous, at);
    const body = bodyOf(step);
    if (body.kind === 'ask' && body.ask.answer >= body.ask.choices.length) {
      problems.push({ path: ['steps', index, 'ask', 'answer'], message: `answer ${body.ask.answer + 1} is not one of the ${body.ask.choices.length} choices` });
    }
    const refused = check && (body.kind === 'do' || body.kind === 'act') ? check(body) : undefined;
    if (refused !== undefined) problems.push({ path: ['steps', index, body.kind], message: refused });
    steps.push({ at, body });
  });
  return { steps, problems };
}

/**
 * Turns the text of a scenario file into a `Scenario`. Guaranteed on return: the file matched
 * the schema, the steps are in time order, every answer is one of its choices, `checks.step`
 * accepted every `do` and `act` step and `checks.topology` found nothing wrong with its design. Otherwise throws a `TopologyError` whose problems are one
 * line each, `file:line:col path: message`, in the order they are written. `file` only names
 * the file in messages.
 */
export function parseScenario(text: string, file: string, checks: ScenarioChecks = {}): Scenario {
  if (text.trim() === '' || text.split('\n').every((l) => /^\s*(#.*)?$/.test(l))) {
    throw new TopologyError([placed(file, { line: 1, col: 1 }, 'the file is empty; a scenario needs title, topology and steps')]);
  }
  const source = readYaml(text, file, 'title: ..., topology: ..., steps: ...');
  const checked = checkSchema(scenarioFileSchema, source.data);
  if (!checked.ok) throw new TopologyError(formatProblems(file, checked.problems, source.positions));
  const { steps, problems } = readSteps(checked.value, checks.step);
  if (checks.topology !== undefined) problems.push({ path: ['topology'], message: checks.topology });
  if (problems.length > 0) throw new TopologyError(formatProblems(file, problems, source.positions));
  const { title, summary, topology, seed, size } = checked.value;
  return { title, summary: summary?.trim() ?? '', topology, seed: seed ?? 1, size: size ?? null, steps };
}
