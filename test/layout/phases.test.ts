import { describe, expect, it } from 'vitest';
import { toAscii, lineGlyph } from '../../source/layout/ascii.js';
import { box, createCanvas, line, text, toStyledLines, DOWN, LEFT, RIGHT, UP } from '../../source/layout/canvas.js';
import { preferredArrangements } from '../../source/layout/choose-arrangement.js';
import { titleSpan } from '../../source/layout/frame-title.js';
import { groupHosts } from '../../source/layout/group-hosts.js';
import { placeRanks } from '../../source/layout/place-ranks.js';
import { rankComponents } from '../../source/layout/rank.js';
import { fitLabel } from '../../source/layout/size.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';

const plain = (lines: ReturnType<typeof toStyledLines>) => lines.map((l) => l.map((s) => s.text).join(''));

describe('rank', () => {
  it('orders components along the request flow', () => {
    const rank = rankComponents(loadBuiltin('distributed'));
    const r = (id: string) => rank.get(id) ?? -1;
    expect(r('browser')).toBe(0);
    expect(r('dns')).toBe(0);
    expect(r('haproxy-1')).toBeLessThan(r('nginx-1'));
    expect(r('nginx-1')).toBeLessThan(r('app-1'));
    expect(r('app-1')).toBeLessThan(r('mysql-1'));
    // A replica stands level with its primary: replication does not push it further right.
    expect(r('mysql-2')).toBe(r('mysql-1'));
  });
});

describe('group-hosts', () => {
  it('puts firewalls at the door of the host they guard and code under its app', () => {
    const g = groupHosts(loadBuiltin('secured'));
    const server1 = g.ranks.flat().find((u) => u.id === 'server-1');
    expect(server1?.kind).toBe('host');
    if (server1?.kind !== 'host') return;
    expect(server1.gates).toEqual(['fw-2']);
    expect(server1.entry).toBe('nginx-1');
    const appColumn = server1.columns.find((c) => c.includes('app-1')) ?? [];
    expect(appColumn.indexOf('code-1')).toBe(appColumn.indexOf('app-1') + 1);
    expect(g.band.map((u) => u.id)).toEqual(['sumologic']);
  });

  it('frames the members of a VIP cluster together', () => {
    const g = groupHosts(loadBuiltin('scaled'));
    const group = g.ranks.flat().find((u) => u.kind === 'group');
    expect(group?.kind === 'group' && group.members.map((m) => m.id)).toEqual(['lb-1', 'lb-2']);
  });
});

describe('place-ranks', () => {
  it('lines an item up with its wish and keeps items apart', () => {
    const placed = placeRanks(
      [
        [{ id: 'a', main: 3, cross: 3 }],
        [
          { id: 'b', main: 3, cross: 3 },
          { id: 'c', main: 3, cross: 3 },
        ],
      ],
      { gapMain: 2, gapCross: 1, desired: (item) => (item.id === 'a' ? undefined : 0) },
    );
    expect(placed.get('b')?.main).toBe(5);
    const b = placed.get('b')?.cross ?? 0;
    const c = placed.get('c')?.cross ?? 0;
    expect(c - b).toBe(4);
    // Both wished to be level with a: the pair is centred on it.
    expect((b + c) / 2).toBe(placed.get('a')?.cross);
  });

  it('wraps a rank that would pass the cross limit', () => {
    const items = [1, 2, 3, 4].map((i) => ({ id: `i${i}`, main: 1, cross: 10 }));
    const placed = placeRanks([items], { gapMain: 1, gapCross: 2, maxCross: 25, desired: () => undefined });
    for (const p of placed.values()) expect(p.cross + 10).toBeLessThanOrEqual(25);
    expect(new Set([...placed.values()].map((p) => p.main)).size).toBe(2);
  });
});

describe('canvas', () => {
  it('merges crossing lines into junctions and keeps lines out of boxes', () => {
    const c = createCanvas(7, 5);
    for (let y = 0; y < 5; y++) line(c, 3, y, UP | DOWN, 'light', 'plaintext');
    for (let x = 0; x < 7; x++) line(c, x, 2, LEFT | RIGHT, 'light', 'plaintext');
    expect(plain(toStyledLines(c, false))[2]).toBe('───┼───');
    const d = createCanvas(7, 5);
    for (let y = 0; y < 5; y++) line(d, 3, y, UP | DOWN, 'rounded', 'frame');
    box(d, 1, 1, 5, 3, 'light', 'plain');
    text(d, 2, 2, 'ab', 'label');
    // The line passing under the box meets its border but never shows inside it.
    expect(plain(toStyledLines(d, false))).toEqual(['   │', ' ┌─┴─┐', ' │ab │', ' └─┬─┘', '   │']);
  });

  it('maps every glyph to 7-bit characters', () => {
    for (const weight of ['light', 'heavy', 'double', 'rounded', 'dashed'] as const) {
      for (let bits = 0; bits < 16; bits++) expect(lineGlyph(bits, weight, true)).toMatch(/^[\x20-\x7e]$/);
    }
    expect(toAscii('✗ a·b «c» ▶é')).toBe('X a-b <c> >?');
  });
});

describe('choose-arrangement', () => {
  const sizes = [
    { width: 150, height: 20 },
    { width: 90, height: 30 },
    { width: 70, height: 60 },
  ];
  const order = (list: typeof sizes, width: number, height?: number) => {
    const fitting = list.filter((m) => m.width <= width).map((m) => m.height);
    return [...preferredArrangements(list.length, (i) => list[i] ?? { width: 0, height: 0 }, width, height, () => Math.min(...fitting))];
  };
  it('takes the roomiest arrangement that fits the width', () => expect(order(sizes, 100)[0]).toBe(1));
  it('takes one that also fits the height when one does', () => expect(order(sizes, 160, 25)[0]).toBe(0));
  it('takes the shortest fitting the width when none fits the height', () => expect(order(sizes, 100, 10)).toEqual([1, 2]));
  it('says when nothing fits', () => expect(order(sizes, 50)).toEqual([]));
  it('passes over an absurdly tall arrangement when a low one fits the width', () => {
    expect(order([{ width: 80, height: 70 }, { width: 80, height: 20 }], 80)).toEqual([1, 0]);
  });
});

describe('labels and titles', () => {
  it('cuts long labels with an ellipsis', () => {
    expect(fitLabel('haproxy-1', 20)).toBe('haproxy-1');
    expect(fitLabel('a-very-long-name', 6)).toBe('a-ver…');
  });

  it('moves a frame title to the bottom border when a box sits on the top one', () => {
    const frame = { x: 0, y: 2, width: 30, height: 6 };
    expect(titleSpan(frame, 'web-1', [], false).y).toBe(2);
    expect(titleSpan(frame, 'web-1', [{ x: 3, y: 1, width: 8, height: 3 }], true).y).toBe(7);
  });
});
