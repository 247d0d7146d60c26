import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedTopology } from '../../bench/generate-topology.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { createSim, settle, step } from '../../source/sim/engine.js';
import { withCounters, type Counters } from '../../source/sim/exchange.js';
import { presets } from '../../source/sim/request.js';
import { send } from '../../source/sim/send.js';
import { memoSender, sendMemo, type SendMemo } from '../../source/sim/send-memo.js';
import { topologyIndex } from '../../source/sim/topology-index.js';
import type { Request, SimInput, SimState, Trace } from '../../source/sim/types.js';

const topologies: Topology[] = [...['0', '1', '2', '3', '4'].map((d) => loadBuiltin(d)), generatedTopology('tiered', 60, 3), generatedTopology('wide', 40, 2)];

function inputs(t: Topology): fc.Arbitrary<SimInput[]> {
  const ids = topologyIndex(t).failable;
  const hangable = t.components.filter((c) => c.kind === 'app-server' || c.kind === 'database').map((c) => c.id);
  const dbs = t.components.filter((c) => c.kind === 'database').map((c) => c.id);
  const servers = t.components.flatMap((c) => (c.kind === 'load-balancer' ? c.backends.map((server) => ({ lb: c.id, server })) : []));
  const input: fc.Arbitrary<SimInput> = fc.oneof(
    fc.constantFrom(...ids).map((id): SimInput => ({ type: 'fail', id })),
    fc.constantFrom(...ids).map((id): SimInput => ({ type: 'heal', id })),
    fc.constantFrom(...hangable).map((id): SimInput => ({ type: 'hang', id })),
    fc.integer({ min: 0, max: 15_000 }).map((ms): SimInput => ({ type: 'advance', ms })),
    ...(dbs.length > 0 ? [fc.constantFrom(...dbs).map((id): SimInput => ({ type: 'promote', id }))] : []),
    ...(servers.length > 0 ? [fc.tuple(fc.constantFrom(...servers), fc.boolean()).map(([s, on]): SimInput => ({ type: 'maintenance', ...s, on }))] : []),
    ...presets.map((request) => fc.constant<SimInput>({ type: 'send', request })),
  );
  return fc.array(input, { maxLength: 6 });
}

/** The requests a browser may send: the presets and a probe of the first host's first listening port. */
function requests(t: Topology): Request[] {
  const probe = t.hosts[0] ? [{ kind: 'tcp' as const, ip: t.hosts[0].ip, port: 80 }] : [];
  return [...presets, ...probe];
}

const fresh = (s: SimState): Counters => ({ rr: {}, upstreamRr: {}, upstreamFails: {}, dnsCache: s.dnsCache });

/** The requests sent one after another, for real or through `memo`: their traces and the state after them. */
function sendAll(s: SimState, list: readonly Request[], memo?: SendMemo): { traces: Trace[]; state: SimState } {
  let counters = fresh(s);
  const traces: Trace[] = [];
  const sender = memo ? memoSender(memo, s) : undefined;
  for (const r of list) {
    if (sender) {
      const sent = sender(r, counters);
      counters = sent.counters;
      traces.push(sent.trace);
    } else {
      const sent = send(s, r, false, counters);
      counters = sent.exchange;
      traces.push(sent.trace);
    }
  }
  return { traces, state: withCounters(s, counters) };
}

describe('requests sent through a memo of their paths', () => {
  it('go exactly as sent for real, on any state reached by any inputs, with one memo shared by all of them', () => {
    const memos = topologies.map(() => sendMemo());
    const scenario = fc.integer({ min: 0, max: topologies.length - 1 }).chain((k) => {
      const t = topologies[k] as Topology;
      return fc.record({ k: fc.constant(k), seed: fc.integer({ min: 1, max: 5 }), list: inputs(t), sent: fc.array(fc.constantFrom(...requests(t)), { minLength: 1, maxLength: 40 }), settled: fc.boolean() });
    });
    fc.assert(
      fc.property(scenario, ({ k, seed, list, sent, settled }) => {
        const t = topologies[k] as Topology;
        let s = createSim(t, { seed });
        for (const input of list) s = step(s, input).state;
        if (settled) s = settle(s).state;
        expect(sendAll(s, sent, memos[k])).toEqual(sendAll(s, sent));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('reuses a path across states that differ in what is down and in the clock', () => {
    const t = generatedTopology('tiered', 60, 3);
    const memo = sendMemo();
    const base = settle(createSim(t)).state;
    const list = Array.from({ length: 30 }, (_, i) => presets[i % presets.length] as Request);
    const first = sendAll(base, list, memo).traces;
    const later = settle(step(base, { type: 'advance', ms: 12_345 }).state).state;
    expect(later.now).toBeGreaterThan(base.now);
    // The same paths again, later: every request is found in the memo (the very outcome recorded
    // first comes back) and goes as sent for real.
    const { traces } = sendAll(later, list, memo);
    expect(traces).toEqual(sendAll(later, list).traces);
    traces.forEach((tr, i) => expect(tr.outcome).toBe(first[i]?.outcome));
    expect(traces.every((tr) => tr.sentAt === later.now)).toBe(true);
  });

  it("follows Nginx's failure marks: a request that meets a failed upstream already marked goes its own way", () => {
    const t = generatedTopology('tiered', 60, 3);
    const web = t.components.find((c) => c.kind === 'web-server' && c.upstream.length > 1);
    if (web?.kind !== 'web-server') throw new Error('expected a web server with several upstreams');
    const failed = step(settle(createSim(t)).state, { type: 'fail', id: web.upstream[0] as string }).state;
    // Enough requests for every web server to go round its upstreams more than once, marks set.
    const list = Array.from({ length: 120 }, () => presets[0] as Request);
    expect(sendAll(failed, list, sendMemo())).toEqual(sendAll(failed, list));
  });
});
