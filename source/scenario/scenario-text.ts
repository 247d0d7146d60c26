import type { Ms } from '../model/types.js';
import type { Scenario, StepBody } from './types.js';

/** A time as a file writes it, exact to the millisecond and read back to the same value: `0s`, `12.34s`. */
function time(ms: Ms): string {
  return `${ms / 1000}s`;
}

/** A string as YAML reads it back unchanged (a JSON string is a YAML double-quoted scalar). */
const quoted = (value: string) => JSON.stringify(value);

function body(step: StepBody): string {
  switch (step.kind) {
    case 'do':
      return `do: ${quoted(step.line)}`;
    case 'act':
      return `act: ${JSON.stringify(step.action)}`;
    case 'ask': {
      const { question, choices, answer, explain } = step.ask;
      return `ask: { question: ${quoted(question)}, choices: ${JSON.stringify(choices)}, answer: ${answer + 1}, explain: ${quoted(explain)} }`;
    }
    default:
      return `${step.kind}: ${quoted(step.text)}`;
  }
}

/**
 * The text of a scenario file, one step a line, that `parseScenario` reads back to an equal
 * scenario (the recorder writes what a person did with it).
 */
export function scenarioText(scenario: Scenario): string {
  const head = [
    `title: ${quoted(scenario.title)}`,
    ...(scenario.summary ? [`summary: ${quoted(scenario.summary)}`] : []),
    `topology: ${quoted(scenario.topology)}`,
    `seed: ${scenario.seed}`,
    ...(scenario.size ? [`size: { columns: ${scenario.size.columns}, rows: ${scenario.size.rows} }`] : []),
    'steps:',
  ];
  const steps = scenario.steps.map((s) => `  - { at: ${time(s.at)}, ${body(s.body)} }`);
  return `${[...head, ...steps].join('\n')}\n`;
}
