import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidates } from '../../source/layout/choose-arrangement.js';
import { prepare } from '../../source/layout/diagram-graph.js';
import { place } from '../../source/layout/layout-topology.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { topologyArbitrary } from './arbitrary-topology.js';

/** The (candidate, narrower) pairs that break the promise at `width`: a fit that its narrower misses. */
function broken(topology: Topology, width: number): string[] {
  const p = prepare(topology);
  const tries = candidates(width);
  return tries.flatMap((c, i) => {
    if (c.narrower === undefined) return [];
    const narrower = tries[c.narrower];
    if (!narrower) return [`${i}: no candidate ${c.narrower}`];
    const own = place(p, c.spacing, width).width;
    const other = place(p, narrower.spacing, width).width;
    return own <= width && other > width ? [`${i} fits in ${own}, ${c.narrower} needs ${other}`] : [];
  });
}

describe('the narrower fallback of a candidate', () => {
  it('fits every width the candidate fits, on generated topologies', () => {
    fc.assert(
      fc.property(topologyArbitrary, fc.integer({ min: 30, max: 200 }), (topology, width) => {
        expect(broken(topology, width)).toEqual([]);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('fits every width the candidate fits, on the built-in designs', () => {
    for (const id of ['simple', 'distributed', 'secured', 'scaled', 'high-availability']) {
      for (let width = 40; width <= 200; width += 7) expect(broken(loadBuiltin(id), width), `${id} at ${width}`).toEqual([]);
    }
  });
});
