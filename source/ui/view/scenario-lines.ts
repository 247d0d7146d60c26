import type { ScenarioRun } from '../state/scenario-play.js';
import type { Symbols } from '../theme.js';
import { line, prose, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

/**
 * Whether a scenario has anything to show beside the design: what its steps show, and before the
 * first step its title and summary. A recording (it carries its terminal size) shows only what
 * its steps show: its screens are the recorded ones.
 */
export function scenarioShows(run: ScenarioRun | null, notes = true): run is ScenarioRun {
  if (run === null) return false;
  const intro = run.next === 0 && run.scenario.size === null;
  return intro || run.shown.say !== null || (notes && run.shown.note !== null) || run.shown.ask !== null || run.shown.pause !== null;
}

/** The question, its numbered choices, and once answered whether it was right and why. */
function askLines(ask: NonNullable<ScenarioRun['shown']['ask']>, width: number, symbols: Symbols): Line[] {
  const choices = ask.choices.flatMap((c, i) => {
    const mark = ask.chosen === null ? ' ' : i === ask.answer ? symbols.up : i === ask.chosen ? symbols.down : ' ';
    const tone = ask.chosen === null ? undefined : i === ask.answer ? 'ok' : i === ask.chosen ? 'error' : 'muted';
    return wrapText(c, width - 5).map((w, j) => line(seg(j === 0 ? `${mark}${i + 1}. ` : '    ', tone), seg(w, tone)));
  });
  const after = ask.chosen === null ? [line(seg(`answer with its number (1-${ask.choices.length})`, 'muted'))] : prose(wrapText(ask.explain, width), '', 'info');
  return [...prose(wrapText(ask.question, width), '', 'title'), ...choices, ...after];
}

/**
 * What the scenario shows above the design: where it stands and its keys, the narration, the
 * presenter's note (unless `notes` is false: an audience's screen), the question on screen, a
 * pause. At most `rows` rows: the narration is cut first, the question and the pause always keep
 * their place.
 */
export function scenarioLines(run: ScenarioRun, width: number, rows: number, symbols: Symbols, notes = true): Line[] {
  const { scenario, next, shown } = run;
  const playing = run.playing ? 'p pauses' : 'p plays';
  // The keys before the title, so a narrow terminal cuts the title, not the way on.
  const head = line(seg(`Scenario ${next}/${scenario.steps.length}`, 'title'), seg(`  N next · B back · ${playing}  `, 'key'), seg(scenario.title, 'title'));
  const told = next === 0 ? scenario.summary : shown.say;
  const say = told === null || told === '' ? [] : prose(wrapText(told, width), '', 'info');
  const note = shown.note === null || !notes ? [] : prose(wrapText(`note: ${shown.note}`, width), '', 'muted');
  const ask = shown.ask === null ? [] : askLines(shown.ask, width, symbols);
  const pause = shown.pause === null ? [] : prose(wrapText(`${shown.pause} (N or p goes on)`, width), '', 'warn');
  const kept = [...ask, ...pause];
  const room = Math.max(0, rows - 1 - kept.length);
  return [head, ...[...say, ...note].slice(0, room), ...kept].slice(0, rows);
}
