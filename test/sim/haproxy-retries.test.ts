import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { LoadBalancer, Topology } from '../../source/model/types.js';
import { createSim, step } from '../../source/sim/engine.js';
import { parseRequest } from '../../source/grammar/request.js';
import { prepared, traces } from './helpers.js';

/** The HAProxy → backend hops of a trace (the attempts), as [ms, to, result]. */
function attempts(trace: { hops: readonly { at: number; from: string; to: string; result: string; direction: string }[] }) {
  return trace.hops.filter((h) => h.from.startsWith('haproxy') && h.direction === 'request' && !h.to.startsWith('browser') && !h.to.startsWith('fw-')).map((h) => [h.at, h.to, h.result] as const);
}

/** Design `id` with its load balancers changed by `change`. */
function withLb(id: string, change: Partial<LoadBalancer>): Topology {
  const t = loadBuiltin(id);
  return { ...t, components: t.components.map((c) => (c.kind === 'load-balancer' ? { ...c, ...change } : c)) };
}

describe("HAProxy's retries and redispatch (src/backend.c back_handle_st_cer, stream_choose_redispatch)", () => {
  it('without redispatch: the first attempt and 3 retries on the same server, 1 s apart, then 503 SC', () => {
    const [trace] = traces({ design: '1', fail: ['nginx-1'], after: 1000 }, 'GET /');
    const tries = attempts(trace!);
    expect(tries.map((t) => t[1])).toEqual(['nginx-1', 'nginx-1', 'nginx-1', 'nginx-1']);
    expect(tries.map((t) => t[2])).toEqual(['refused', 'refused', 'refused', 'refused']);
    // Each refusal comes back at once; the 1 s turn-around separates the attempts.
    expect(tries[3]![0] - tries[0]![0]).toBeGreaterThanOrEqual(3000);
    expect(tries[3]![0] - tries[0]![0]).toBeLessThan(3100);
    expect(trace!.outcome.status).toBe(503);
  });

  it('with redispatch, roundrobin and two servers UP: the first retry goes to the other server at once', () => {
    const [trace] = traces({ design: '4', fail: ['nginx-1'], after: 1000 }, 'GET /');
    const tries = attempts(trace!);
    expect(tries.map((t) => t[1]).slice(0, 2)).toEqual(['nginx-1', 'nginx-2']);
    expect(trace!.outcome.status).toBe(200);
    expect(trace!.outcome.servedBy).toBe('nginx-2');
    expect(tries[1]![0] - tries[0]![0]).toBeLessThan(10);
    expect(trace!.duration).toBeLessThan(300);
  });

  it('with redispatch and leastconn: retries stay on the server, 1 s apart, and only the last one moves', () => {
    const topology = withLb('4', { balance: 'leastconn' });
    let state = createSim(topology, { seed: 1 });
    state = step(state, { type: 'fail', id: 'nginx-1' }).state;
    state = step(state, { type: 'advance', ms: 1000 }).state;
    const trace = step(state, { type: 'send', request: parseRequest('GET /') }).trace!;
    const tries = attempts(trace);
    expect(tries.map((t) => t[1])).toEqual(['nginx-1', 'nginx-1', 'nginx-1', 'nginx-2']);
    expect(tries[3]![0] - tries[0]![0]).toBeGreaterThanOrEqual(3000);
    expect(trace.outcome.status).toBe(200);
  });

  it("logs HAProxy's termination flags: SC after refusals, <NOSRV> when no server is UP", () => {
    const refused = prepared({ design: '1', fail: ['nginx-1'], after: 1000 });
    const r1 = step(refused.state, { type: 'send', request: parseRequest('GET /') });
    expect(r1.events.map((e) => e.text).join('\n')).toMatch(/503 after 3 retries, termination flags SC/);
    const none = prepared({ design: '1', fail: ['nginx-1', 'nginx-2'] });
    const r2 = step(none.state, { type: 'send', request: parseRequest('GET /') });
    expect(r2.events.map((e) => e.text).join('\n')).toMatch(/503 <NOSRV>, termination flags SC/);
  });

  it('takes the connect time-out from the load balancer, so a scaled configuration scales the wait', () => {
    const topology = withLb('1', { timeouts: { connect: 500, client: 5000, server: 5000 } });
    let state = createSim(topology, { seed: 1 });
    state = step(state, { type: 'fail', id: 'nginx-1' }).state;
    state = step(state, { type: 'advance', ms: 1000 }).state;
    const trace = step(state, { type: 'send', request: parseRequest('GET /') }).trace!;
    const tries = attempts(trace);
    // min(timeout connect, 1 s) = 500 ms between the attempts.
    expect(tries[3]![0] - tries[0]![0]).toBeGreaterThanOrEqual(1500);
    expect(tries[3]![0] - tries[0]![0]).toBeLessThan(1600);
  });
});
