import type { Topology } from '../../model/types.js';
import type { Impact, SpofRow } from '../../sim/index.js';
import type { Tone } from '../theme.js';
import { line, prose, seg, type Line } from './line.js';
import { impactMarks } from './view-state.js';
import { wrapText } from './wrap-text.js';

/** A tour slide: its text, then what the highlighted (focused) boxes are. */
export function tourLines(topology: Topology, slide: number, width: number): Line[] {
  const note = topology.tour[slide];
  if (!note) return [];
  return [...prose(wrapText(note.text, width - 2), ' '), line(seg(` focus: ${note.focus.join(', ')}`, 'muted'))];
}

export function tourTitle(topology: Topology, slide: number): string {
  return `Tour ${slide + 1}/${topology.tour.length} · ${topology.tour[slide]?.title ?? ''}`;
}

const impactTone: Readonly<Record<Impact, Tone>> = { outage: 'error', writes: 'error', partial: 'warn', degraded: 'warn', none: 'ok' };

const impactWords: Readonly<Record<Impact, string>> = {
  outage: 'SPOF: the site goes down',
  writes: 'reads work, writes fail',
  partial: 'some requests keep failing',
  degraded: 'works after a gap or with less room',
  none: 'no visible effect',
};

/**
 * The SPOF overlay's panel: every component and host whose failure alone hurts the site, worst
 * first, with the mark the diagram shows and why; the harmless ones are counted, not listed.
 */
export function spofLines(rows: readonly SpofRow[]): Line[] {
  const order: readonly Impact[] = ['outage', 'writes', 'partial', 'degraded'];
  const hurting = order.flatMap((impact) => rows.filter((r) => r.impact === impact));
  const harmless = rows.length - hurting.length;
  const idWidth = Math.max(0, ...hurting.map((r) => r.id.length));
  return [
    line(seg(` ${order.map((i) => `${impactMarks[i]} ${impactWords[i].split(':')[0]}`).join('  ')}`, 'muted')),
    ...hurting.map((r) => line(seg(` ${impactMarks[r.impact]} `, impactTone[r.impact]), seg(`${r.id.padEnd(idWidth)}  `, 'title'), seg(r.why, 'muted'))),
    line(seg(` ${harmless} other part${harmless === 1 ? '' : 's'} can fail alone without hurting the site`, 'muted')),
  ];
}
