import * as z from 'zod';
import { duration, line, text } from '../model/file-schema.js';

/**
 * The scenario FILE format, keys as written in YAML. This one schema validates files and
 * generates `scenarios/schema.json`, so an editor and the loader never disagree.
 */

/** The keys of a step that say what it does: exactly one per step. */
const stepKinds = ['do', 'act', 'say', 'note', 'ask', 'pause'] as const;

const ask = z
  .strictObject({
    question: text(600, 'The question, as the audience reads it.'),
    choices: z.array(line(120, 'One possible answer.')).min(2).max(9).describe('The possible answers, numbered 1, 2, 3... on screen.'),
    answer: z.int().min(1).max(9).describe('The number of the right choice (1 is the first).'),
    explain: text(1200, 'Why that answer is right, shown once the question is answered.'),
  })
  .describe('A multiple-choice question; the presenter (or the classroom) answers with its number.');

const step = z
  .strictObject({
    at: duration.describe('When the step happens: virtual time since the scenario started (0s, 5s, 1.5m).'),
    do: line(200, 'A command exactly as typed after : in the app: fail server-1, heal all, send GET /, advance 10s, traffic on, qps 200, deploy, promote mysql-2.').optional(),
    act: z.looseObject({ type: z.string().regex(/^[a-z-]+$/, 'an action type is lowercase words joined by hyphens') }).describe('An action of the app recorded as data (what has no typed form: selecting, scrolling, panels).').optional(),
    say: text(1200, 'Narration for the audience, shown on screen.').optional(),
    note: text(1200, 'A note for the presenter only (never shown to followers).').optional(),
    ask: ask.optional(),
    pause: line(200, 'Stop here until a key is pressed; the text says what to do meanwhile.').optional(),
  })
  .superRefine((value, context) => {
    const found = stepKinds.filter((kind) => value[kind] !== undefined);
    if (found.length === 1) return;
    const what = found.length === 0 ? 'none' : found.join(' and ');
    context.addIssue({ code: 'custom', message: `a step has exactly one of ${stepKinds.join(', ')}; found ${what}` });
  })
  .describe('One step: when (at) and what (one of do, act, say, note, ask, pause).');

export const scenarioFileSchema = z
  .strictObject({
    title: line(80, 'The scenario\'s title.'),
    summary: text(1200, 'What it shows, in a few sentences.').optional(),
    topology: line(300, 'The design it plays on: a number 0-4, a built-in id, or the path of a topology file relative to this file.'),
    seed: z.int().min(0).max(2_147_483_647).describe('The seed of the simulation\'s randomness (default 1).').optional(),
    size: z
      .strictObject({ columns: z.int().min(20).max(1000), rows: z.int().min(5).max(500) })
      .describe('The terminal size it was recorded at: played at this size or larger, the screens are the recorded ones (laid out at this size).')
      .optional(),
    steps: z.array(step).min(1).describe('The steps, in time order.'),
  })
  .describe('An infra-tui scenario: a demo on one design that plays the same way every time.');

export type ScenarioFile = z.output<typeof scenarioFileSchema>;
