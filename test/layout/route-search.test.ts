import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedTopology } from '../../bench/layout.bench.js';
import { distanceField } from '../../source/layout/distance-field.js';
import { emptyUsage, reachable, search, type Dir, type SearchRequest } from '../../source/layout/grid-search.js';
import { searchSpace } from '../../source/layout/search-space.js';
import { layoutTopology } from '../../source/layout/index.js';
import { denseFlowGraph } from '../../source/layout/flow-graph.js';
import { allFit, emptySet, extend, lineSets, setVerdicts } from '../../source/layout/line-sets.js';
import { Cell, type Obstacles } from '../../source/layout/obstacles.js';

describe('line-sets', () => {
  it('gives cells that saw the same lines in the same order one id', () => {
    const sets = lineSets();
    const a = extend(sets, extend(sets, emptySet, 1, 2), 1, 3);
    const b = extend(sets, extend(sets, emptySet, 1, 2), 1, 3);
    const c = extend(sets, extend(sets, emptySet, 1, 3), 1, 2);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('judges a set as the check of every line in it, remembering answers per round', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(fc.array(fc.array(pair, { maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 5 }), (histories, bad) => {
        const sets = lineSets();
        const memo = setVerdicts();
        const ok = (src: number) => src !== bad;
        const ids = histories.map((h) => h.reduce((id, [s, d]) => extend(sets, id, s, d), emptySet));
        // Two rounds over the same sets: the second answers from memory, and must agree.
        for (const round of [1, 1, 2]) {
          ids.forEach((id, i) => expect(allFit(sets, memo, round, id, ok)).toBe((histories[i] ?? []).every(([s]) => ok(s))));
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

/** A page from rows of text: `#` a box, `=` a top or bottom frame border, `|` a side border, digits a host's inside. */
function page(rows: readonly string[]): Obstacles {
  const width = rows[0]?.length ?? 0;
  const cell = new Uint8Array(width * rows.length);
  const owner = new Uint16Array(width * rows.length);
  rows.forEach((row, y) =>
    [...row].forEach((ch, x) => {
      const i = y * width + x;
      if (ch === '#') cell[i] = Cell.Blocked;
      if (ch === '=') cell[i] = Cell.BorderH;
      if (ch === '|') cell[i] = Cell.BorderV;
      if (/[0-9]/.test(ch)) owner[i] = Number(ch);
    }),
  );
  return { width, height: rows.length, cell, owner, hosts: ['a', 'b'] };
}

describe('distance-field', () => {
  it('counts steps around boxes and leaves unreachable cells at -1', () => {
    const o = page(['.....', '.###.', '.#.#.', '.###.', '.....']);
    const field = distanceField(o, [0], new Set());
    expect(field[4]).toBe(4);
    // Straight down would be 4 steps; the box sends the way round: 4 across, 4 down.
    expect(field[24]).toBe(8);
    expect(field[12]).toBe(-1);
  });

  it('crosses frame borders only at right angles and enters only the hosts it is given', () => {
    expect(distanceField(page(['.=.', '###']), [0], new Set())[2]).toBe(-1);
    expect(distanceField(page(['.#', '|#', '.#']), [0], new Set())[4]).toBe(-1);
    const o = page(['.......', '.=====.', '.|111|.', '.=====.', '.......']);
    expect(distanceField(o, [0], new Set())[17]).toBe(-1);
    // Down through the top border at a right angle, into the host it may enter.
    expect(distanceField(o, [0], new Set([1]))[17]).toBe(5);
  });
});

describe('big fan-outs', () => {
  it('routes every line of a dense drawing where a load balancer has one way out', () => {
    // A VIP pair of load balancers in one-row frames (title above, agent below) sending to many
    // servers: the arrowheads coming in must leave each its way out on the flow side.
    const topology = generatedTopology(40, 8);
    const layout = layoutTopology(topology, { width: 160, ascii: false, collapse: false });
    expect(layout.arrangement).toBe('dense');
    const lines = denseFlowGraph(topology).filter((e) => e.kind !== 'monitoring');
    expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(lines.map((e) => `${e.from}>${e.to}`).sort());
  });
});

describe('reachable', () => {
  /** A search from the top left cell, going right, to the bottom right one, arriving going down. */
  const corners = (o: Obstacles, relaxed: boolean): SearchRequest => ({
    starts: [{ cell: 0, dir: 1, cost: 0 }],
    goals: new Map<number, Dir>([[o.width * o.height - 1, 2]]),
    src: 0,
    dst: 1,
    hosts: new Set(),
    window: { x0: 0, y0: 0, x1: o.width - 1, y1: o.height - 1 },
    target: { x0: o.width - 1, y0: o.height - 1, x1: o.width - 1, y1: o.height - 1 },
    relaxed,
    budget: Number.POSITIVE_INFINITY,
    greed: 1,
  });
  const run = (o: Obstacles, relaxed: boolean) => search(o, emptyUsage(o.width * o.height, new Set()), searchSpace(o.width * o.height), corners(o, relaxed));

  it('says a target walled off by boxes cannot be reached, where the search finds nothing either', () => {
    const walled = page(['.....', '...##', '...#.']);
    expect(reachable(walled, emptyUsage(15, new Set()), corners(walled, true))).toBe(false);
    expect(run(walled, true)).toBeUndefined();
    const open = page(['.....', '...#.', '...#.']);
    expect(reachable(open, emptyUsage(15, new Set()), corners(open, true))).toBe(true);
    expect(run(open, true)).toBeDefined();
  });

  it('never says no where a search, strict or relaxed, finds a route', () => {
    const glyph = fc.constantFrom('.', '.', '.', '#', '=', '|', '1');
    fc.assert(
      fc.property(fc.array(fc.array(glyph, { minLength: 6, maxLength: 6 }), { minLength: 4, maxLength: 6 }), (rows) => {
        const o = page(rows.map((r) => `.${r.join('').slice(1, -1)}.`));
        if (reachable(o, emptyUsage(o.width * o.height, new Set()), corners(o, true))) return;
        expect(run(o, true)).toBeUndefined();
        expect(run(o, false)).toBeUndefined();
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
