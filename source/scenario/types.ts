import type { Ms } from '../model/types.js';

/** A multiple-choice question put to the audience, with its answer and why. */
export interface Ask {
  readonly question: string;
  readonly choices: readonly string[];
  /** The right choice, 0-based. */
  readonly answer: number;
  readonly explain: string;
}

/**
 * What one step does: a command as typed after `:` (`do`), a store action recorded as data
 * (`act`, for what has no typed form: moving the selection, scrolling, opening a panel),
 * narration for the audience (`say`), a line for the presenter only (`note`), a question
 * (`ask`), or a stop until a key is pressed (`pause`).
 */
export type StepBody =
  | { readonly kind: 'do'; readonly line: string }
  | { readonly kind: 'act'; readonly action: Readonly<Record<string, unknown>> & { readonly type: string } }
  | { readonly kind: 'say'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'ask'; readonly ask: Ask }
  | { readonly kind: 'pause'; readonly text: string };

/** One step, at a virtual time counted from the scenario's start. */
export interface ScenarioStep {
  readonly at: Ms;
  readonly body: StepBody;
}

/** The terminal size a scenario was recorded at. */
interface ScenarioSize {
  readonly columns: number;
  readonly rows: number;
}

/** A demo: a design, a seed, and steps in time order. */
export interface Scenario {
  readonly title: string;
  readonly summary: string;
  /** The design, as the command line names one: a number, a built-in id or a file path (relative to the scenario's folder). */
  readonly topology: string;
  readonly seed: number;
  readonly size: ScenarioSize | null;
  readonly steps: readonly ScenarioStep[];
}
