/**
 * The compare screen's text: the table of figures (the same rows as `infra-tui compare`, from
 * `compareRows`), the highlighted cell in brackets, as many designs as the width holds around
 * the highlighted one; then what the highlighted figure means for that design.
 */
import { compareRows, runNotes, summaryNextPart, summaryStart, wrap, type DesignSummary } from '../../sim/index.js';
import type { CompareState } from '../state/compare.js';
import { line, seg, type Line } from './line.js';

const GAP = 2;

/** The first design column to show so that `column` fits in `room` columns of text. */
function firstShown(widths: readonly number[], column: number, room: number): number {
  let start = 0;
  const used = (from: number) => widths.slice(from, column + 1).reduce((a, b) => a + b + GAP, 0);
  while (start < column && used(start) > room) start++;
  return start;
}

/** The ids a figure's row counts, named for the highlighted design. */
function detail(figure: string, s: DesignSummary): string {
  const named = (what: string, ids: readonly string[]) => `${what}: ${ids.length === 0 ? 'none' : ids.join(', ')}`;
  switch (figure) {
    case 'spof':
      return named('single points of failure (alone, an outage)', s.spofs);
    case 'writes':
      return named('failures that lose the writes (reads still work)', s.writeLoss);
    case 'partial':
      return named('failures after which some requests keep failing', s.partial);
    case 'degraded':
      return named('failures that cost capacity or a failover gap only', s.degraded);
    case 'https':
      return s.https === null ? 'plain HTTP all the way: anyone on the path reads it' : `HTTPS ends at ${s.https}; behind it the traffic is plain HTTP`;
    case 'capacity':
      return `about ${s.maxQps} requests/s of the default mix before ${s.bottleneck ?? 'nothing'} saturates; past it the excess fails`;
    case 'monitoring':
      return `${s.monitoredHosts} of ${s.servers} machines run a monitoring agent`;
    default:
      return runNotes(s);
  }
}

/** The lines of the compare screen for `width` columns. */
export function compareLines(c: CompareState, width: number): Line[] {
  const rows = compareRows(c.summaries);
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  // A header cell is its id after one space, a body cell its text in two brackets or spaces.
  const widths = c.designs.map((t, i) => Math.max(t.id.length + 1, ...rows.map((r) => (r.cells[i] ?? '').length + 2)));
  const start = firstShown(widths, c.column, width - labelWidth - GAP);
  const shown = c.designs.map((_, i) => i).filter((i) => i >= start && widths.slice(start, i + 1).reduce((a, b) => a + b + GAP, 0) <= width - labelWidth);
  const cell = (text: string, i: number, on: boolean) => seg(`${' '.repeat(GAP)}${(on ? `[${text}]` : ` ${text} `).padEnd(widths[i] ?? 0)}`, on ? 'key' : undefined);
  const header = line(seg(''.padEnd(labelWidth)), ...shown.map((i) => seg(`${' '.repeat(GAP)}${` ${c.designs[i]?.id ?? ''}`.padEnd(widths[i] ?? 0)}`, i === c.column ? 'title' : 'muted')));
  const body = rows.map((r, ri) => line(seg(r.label.padEnd(labelWidth), ri === c.row ? 'key' : undefined), ...shown.map((i) => cell(r.cells[i] ?? '', i, ri === c.row && i === c.column))));
  const hidden = c.designs.length - shown.length;
  const more = hidden > 0 ? [line(seg(`${hidden} more design${hidden === 1 ? '' : 's'}: ← → move through them`, 'muted'))] : [];
  const design = c.designs[c.column];
  const summary = c.summaries[c.column];
  const row = rows[c.row];
  const about = !design
    ? []
    : summary && row
      ? [line(seg(`${design.title} (${design.id}), ${row.label}:`, 'title')), ...wrap(detail(row.figure, summary), width).map((w) => line(w))]
      : [line(seg(`${design.title}: computing its figures (a SPOF analysis, then a deploy and two failovers run as traffic): now ${summaryNextPart(design, c.work?.column === c.column ? c.work.part : summaryStart)}`, 'muted'))];
  return [header, ...body, ...more, line(''), ...about];
}
