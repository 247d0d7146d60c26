import type { SimEvent } from '../../sim/index.js';
import type { Tone } from '../theme.js';
import type { Entry } from '../state/app-state.js';
import { formatClock } from './format-clock.js';
import { line, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

const tones: Readonly<Record<SimEvent['level'], Tone>> = { info: 'info', warn: 'warn', error: 'error' };

const INDENT = 8;

/**
 * The event log up to the frame being shown (events after it have not happened yet), oldest
 * first: virtual time, source, what happened, wrapped under the text.
 */
export function eventLines(entries: readonly Entry[], at: number, width: number): Line[] {
  const events = entries.slice(0, at + 1).flatMap((f) => f.events);
  return events.flatMap((e) => {
    const [first = '', ...rest] = wrapText(`${e.source}: ${e.text}`, width - INDENT);
    const source = first.slice(0, e.source.length + 1);
    return [
      line(seg(`${formatClock(e.at).padStart(INDENT - 1)} `, 'muted'), seg(source, 'title'), seg(first.slice(source.length), tones[e.level])),
      ...rest.map((r) => line(seg(`${' '.repeat(INDENT)}${r}`, tones[e.level]))),
    ];
  });
}
