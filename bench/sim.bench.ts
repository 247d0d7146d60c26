/**
 * The simulation engine: one trace and a full SPOF analysis on each built-in design, and both on
 * a generated tiered 300-component topology (the scale suite's generator; targets: trace ≤ 5 ms, SPOF ≤ 1000 ms). The baseline is
 * `createSim` on the same topology: the cost of building a fresh state.
 */
import { loadBuiltin } from '../source/model/load-builtins.js';
import type { Topology } from '../source/model/types.js';
import { createSim, settle, step } from '../source/sim/engine.js';
import { analyzeSpof } from '../source/sim/spof.js';
import { generatedTopology } from './generate-topology.js';
import { timeMedian, type BenchCase, type BenchSuite } from './harness.js';

function cases(name: string, topology: Topology, targets: { trace?: number; spof?: number }): BenchCase[] {
  const baseline = () => ({ value: timeMedian(() => createSim(topology), 20), what: 'createSim' });
  // Fail the last host (when there is more than one) so the trace shows a rerouted request.
  const last = topology.hosts.length > 1 ? topology.hosts[topology.hosts.length - 1] : undefined;
  const start = createSim(topology);
  const ready = settle(last ? step(start, { type: 'fail', id: last.id }).state : start).state;
  const request = { kind: 'http', method: 'GET', path: '/' } as const;
  return [
    {
      name: `trace GET / on ${name}${last ? ` (${last.id} down)` : ''}`,
      run: () => ({ value: timeMedian(() => step(ready, { type: 'send', request }), 200), unit: 'ms', target: targets.trace, baseline: baseline() }),
    },
    {
      name: `spof analysis on ${name} (${topology.components.length} components)`,
      // A fresh copy each time: the work the analysis keeps with a topology is not carried from one run to the next.
      run: () => ({ value: timeMedian(() => analyzeSpof({ ...topology }), 3, 1), unit: 'ms', target: targets.spof, baseline: baseline() }),
    },
  ];
}

const suite: BenchSuite = {
  name: 'sim',
  cases: [
    ...['0', '1', '2', '3', '4'].flatMap((d) => cases(`design ${d}`, loadBuiltin(d), {})),
    ...cases('generated tiered', generatedTopology('tiered', 300), { trace: 5, spof: 1000 }),
  ],
};

export default suite;
