import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedTopology, type Shape } from '../../bench/generate-topology.js';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { createSim, settle, step } from '../../source/sim/engine.js';
import { replay, replayEach, requestClasses, roundsToCoverAll } from '../../source/sim/replay.js';
import { classify, failing, servingIds, type ClassName, type Results } from '../../source/sim/spof-classify.js';
import { analyzeSpof } from '../../source/sim/spof.js';
import { topologyIndex } from '../../source/sim/topology-index.js';
import type { Request, SimState, SpofRow, Trace } from '../../source/sim/types.js';

/** Each class `rounds` times in turn, every request sent for real. */
function replayClasses(state: SimState, rounds: number, detail: boolean): Results {
  let s = state;
  const out = {} as Results;
  for (const name of Object.keys(requestClasses) as ClassName[]) {
    const r = replay(s, requestClasses[name], rounds, detail);
    s = r.state;
    out[name] = r.traces;
  }
  return out;
}

/** The analysis done the straightforward way: every failure replayed in full, nothing reused. */
function straightforwardSpof(topology: Topology, seed: number): SpofRow[] {
  const base = createSim(topology, { seed });
  const rounds = roundsToCoverAll(base);
  const served = servingIds(base, replayClasses(base, rounds, true));
  const index = topologyIndex(topology);
  const classes = Object.values(requestClasses);
  return index.failable.map((id) => {
    const failed = step(base, { type: 'fail', id }).state;
    const { traces } = replayEach(failed, (i) => classes[i % classes.length] as Request, rounds, { detail: false, stop: failing });
    const gap: Trace | null = traces.find(failing) ?? null;
    const after = replayClasses(settle(failed).state, rounds, false);
    return { id, kind: index.isHost(id) ? 'host' : 'component', ...classify(topology, id, after, gap, served) };
  });
}

describe('the SPOF analysis reuses replays without changing a row', () => {
  it.each(builtins().map((b) => b.id))('built-in %s: the same rows as replaying every failure in full', (id) => {
    const topology = loadBuiltin(id);
    expect(analyzeSpof(topology, { seed: 3 })).toEqual(straightforwardSpof(topology, 3));
  });

  it.each([
    ['tiered', 120, 1],
    ['tiered', 90, 7],
    ['wide', 80, 2],
    ['deep', 120, 5],
  ] as const)('generated %s topology of %i components, seed %i: the same rows', (shape, size, seed) => {
    const topology = generatedTopology(shape, size, seed);
    expect(analyzeSpof(topology)).toEqual(straightforwardSpof(topology, 1));
  });

  it('the same rows on small generated topologies of any shape, size and seed', () => {
    const shapes: Shape[] = ['tiered', 'wide', 'deep'];
    fc.assert(
      fc.property(fc.constantFrom(...shapes), fc.integer({ min: 20, max: 70 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 50 }), (shape, size, seed, simSeed) => {
        const topology = generatedTopology(shape, size, seed);
        expect(analyzeSpof(topology, { seed: simSeed })).toEqual(straightforwardSpof(topology, simSeed));
      }),
      { numRuns: 8, seed: 15 },
    );
  });
});
