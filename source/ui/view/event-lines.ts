import type { SimEvent } from '../../sim/types.js';
import type { Tone } from '../theme.js';
import type { Frame } from '../state/app-state.js';
import { formatClock } from './format-clock.js';
import { line, seg, type Line } from './line.js';

const tones: Readonly<Record<SimEvent['level'], Tone>> = { info: 'info', warn: 'warn', error: 'error' };

/**
 * The event log up to the frame being shown (events after it have not happened yet), oldest
 * first, one line each: virtual time, source, what happened.
 */
export function eventLines(frames: readonly Frame[], at: number): Line[] {
  const events = frames.slice(0, at + 1).flatMap((f) => f.events);
  return events.map((e) => line(seg(`${formatClock(e.at).padStart(7)} `, 'muted'), seg(`${e.source} `, 'title'), seg(e.text, tones[e.level])));
}
