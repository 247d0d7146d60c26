import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { createSim, healthView, isDown, isHung, settle, step } from '../../source/sim/engine.js';
import { presets } from '../../source/sim/request.js';
import { topologyIndex } from '../../source/sim/topology-index.js';
import type { SimInput, SimState, Trace } from '../../source/sim/types.js';

const designs: Topology[] = ['0', '1', '2', '3', '4'].map((d) => loadBuiltin(d));

function inputs(t: Topology): fc.Arbitrary<SimInput[]> {
  const ids = topologyIndex(t).failable;
  const dbs = t.components.filter((c) => c.kind === 'database').map((c) => c.id);
  const hangable = t.components.filter((c) => c.kind === 'app-server' || c.kind === 'database').map((c) => c.id);
  const servers = t.components.flatMap((c) => (c.kind === 'load-balancer' ? c.backends.map((server) => ({ lb: c.id, server })) : []));
  const maintenance = servers.length === 0 ? [] : [fc.tuple(fc.constantFrom(...servers), fc.boolean()).map(([s, on]): SimInput => ({ type: 'maintenance', ...s, on }))];
  const input: fc.Arbitrary<SimInput> = fc.oneof(
    fc.constantFrom(...hangable).map((id): SimInput => ({ type: 'hang', id })),
    ...maintenance,
    fc.constantFrom(...ids).map((id): SimInput => ({ type: 'fail', id })),
    fc.constantFrom(...ids).map((id): SimInput => ({ type: 'heal', id })),
    fc.constant<SimInput>({ type: 'heal-all' }),
    fc.integer({ min: 0, max: 15_000 }).map((ms): SimInput => ({ type: 'advance', ms })),
    fc.constantFrom(...dbs).map((id): SimInput => ({ type: 'promote', id })),
    fc.constantFrom(...presets).map((request): SimInput => ({ type: 'send', request })),
  );
  return fc.array(input, { maxLength: 25 });
}

const scenario = fc
  .record({ design: fc.integer({ min: 0, max: 4 }), seed: fc.integer() })
  .chain(({ design, seed }) => inputs(designs[design] as Topology).map((list) => ({ design, seed, list })));

function run(t: Topology, seed: number, list: readonly SimInput[], each?: (s: SimState, trace: Trace | undefined) => void): SimState {
  let s = createSim(t, { seed });
  for (const input of list) {
    const r = step(s, input);
    each?.(s, r.trace);
    s = r.state;
  }
  return s;
}

describe('engine properties', () => {
  it('same seed and same inputs give the same state and the same traces', () => {
    fc.assert(
      fc.property(scenario, ({ design, seed, list }) => {
        const t = designs[design] as Topology;
        const a: unknown[] = [];
        const b: unknown[] = [];
        const sa = run(t, seed, list, (_, tr) => a.push(tr));
        const sb = run(t, seed, list, (_, tr) => b.push(tr));
        expect(sb).toEqual(sa);
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it('never mutates the state it is given', () => {
    fc.assert(
      fc.property(scenario, ({ design, seed, list }) => {
        let s = createSim(designs[design] as Topology, { seed });
        for (const input of list) {
          const copy = structuredClone(s);
          const next = step(s, input).state;
          expect(s).toEqual(copy);
          s = next;
        }
      }),
      { numRuns: 40 },
    );
  });

  it('no request is ever answered by a component that is down or hung', () => {
    fc.assert(
      fc.property(scenario, ({ design, seed, list }) => {
        run(designs[design] as Topology, seed, list, (s, tr) => {
          if (!tr) return;
          for (const id of [tr.outcome.servedBy, tr.outcome.origin]) if (id !== null) expect(isDown(s, id) || isHung(s, id)).toBe(false);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('once settled, a load balancer forwards only to backends it believes UP', () => {
    fc.assert(
      fc.property(scenario, ({ design, seed, list }) => {
        const t = designs[design] as Topology;
        const s = settle(run(t, seed, list)).state;
        const lbs = t.components.filter((c) => c.kind === 'load-balancer').map((c) => c.id);
        for (const request of presets) {
          const tr = step(s, { type: 'send', request }).trace;
          for (const h of tr?.hops ?? []) {
            // Hops to a firewall are its decision to let the packet in, not an attempt at a server.
            const firewall = t.components.some((c) => c.kind === 'firewall' && c.id === h.to);
            if (!lbs.includes(h.from) || h.direction !== 'request' || firewall) continue;
            // Settled beliefs match reality, so every attempt goes to a server believed UP, and connects.
            expect(healthView(s, h.from).find((r) => r.backend === h.to)?.up, `${h.from} → ${h.to}`).toBe(true);
            expect(h.result).toBe('ok');
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a host failure is equivalent to failing all its components (once settled)', () => {
    for (const t of designs) {
      for (const host of t.hosts) {
        const base = createSim(t);
        const byHost = settle(step(base, { type: 'fail', id: host.id }).state).state;
        let each = base;
        for (const c of topologyIndex(t).onHost(host.id)) each = step(each, { type: 'fail', id: c.id }).state;
        each = settle(each).state;
        for (const request of presets) {
          const a = step(byHost, { type: 'send', request }).trace?.outcome;
          const b = step(each, { type: 'send', request }).trace?.outcome;
          expect({ ok: a?.status, by: a?.servedBy, failed: a?.error !== null }, `${t.id} ${host.id}`).toEqual({ ok: b?.status, by: b?.servedBy, failed: b?.error !== null });
        }
      }
    }
  });
});
