/**
 * Scenarios: a demo as a file (a design, a seed, steps on the virtual clock). The only file of
 * scenario/ that others import. Pure: text in, data out; playing a scenario is the app's
 * (`source/ui/state/scenario-play.ts`), since its steps are the app's own commands and actions.
 */
export { scenarioJsonSchema } from './json-schema.js';
export { parseScenario, type StepCheck } from './parse-scenario.js';
export { scenarioText } from './scenario-text.js';
export type { Ask, Scenario, ScenarioStep, StepBody } from './types.js';
