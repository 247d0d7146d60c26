import { filterLog, type LogLine } from '../../sim/index.js';
import type { Tone } from '../theme.js';
import { line, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

const tones: Readonly<Record<LogLine['level'], Tone>> = { info: 'info', warn: 'warn', error: 'error' };

/** Lines kept for the view: enough to fill any terminal, so wrapping never walks the whole log. */
const SHOWN = 200;

/**
 * The log view: what the real software wrote, oldest first (the panel keeps the newest at the
 * bottom), each line wrapped under itself with the number of requests it stands for.
 */
export function logLines(log: readonly LogLine[], filter: string, width: number): { lines: Line[]; matched: number } {
  const kept = filterLog(log, filter);
  const lines = kept.slice(-SHOWN).flatMap((l) => {
    const times = l.count > 1 ? ` (×${l.count})` : '';
    const [first = '', ...rest] = wrapText(`${l.source}: ${l.text}${times}`, width - 3);
    return [line(seg(first.slice(0, l.source.length + 1), 'muted'), seg(first.slice(l.source.length + 1), tones[l.level])), ...rest.map((r) => line(seg(`   ${r}`, tones[l.level])))];
  });
  return { lines, matched: kept.length };
}
