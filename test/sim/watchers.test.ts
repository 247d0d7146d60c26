import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { createSim, step, watcherOf } from '../../source/sim/index.js';

const sim = (design: string) => createSim(loadBuiltin(design), { seed: 1 });

describe('what notices a part going down', () => {
  it('nothing stands in for the only server, the only load balancer or the primary database', () => {
    expect(watcherOf(sim('0'), 'server-1')).toBeNull();
    expect(watcherOf(sim('1'), 'lb-1')).toBeNull();
    expect(watcherOf(sim('1'), 'mysql-1')).toBeNull();
  });

  it("a load balancer checks its backends and their machines, as long as it runs", () => {
    expect(watcherOf(sim('1'), 'nginx-2')).toBe('load-balancer');
    expect(watcherOf(sim('1'), 'server-2')).toBe('load-balancer');
    expect(watcherOf(step(sim('1'), { type: 'fail', id: 'lb-1' }).state, 'server-2')).toBeNull();
    // The last server standing: the checks notice, but there is nowhere to reroute to.
    expect(watcherOf(sim('3'), 'app-server-1')).toBeNull();
    expect(watcherOf(step(sim('1'), { type: 'fail', id: 'server-1' }).state, 'server-2')).toBeNull();
    expect(watcherOf(step(step(sim('1'), { type: 'fail', id: 'server-1' }).state, { type: 'fail', id: 'server-2' }).state, 'server-2')).toBe('load-balancer');
  });

  it('a TCP check cannot see a dead app server behind a live Nginx; an HTTP check gets its 502 and notices', () => {
    expect(watcherOf(sim('1'), 'app-1')).toBeNull();
    expect(watcherOf(sim('2'), 'app-1')).toBe('load-balancer');
    // Asked again to bring it back: the checks must pass again before traffic returns.
    expect(watcherOf(step(sim('2'), { type: 'fail', id: 'app-1' }).state, 'app-1')).toBe('load-balancer');
    expect(watcherOf(step(sim('1'), { type: 'fail', id: 'app-1' }).state, 'app-1')).toBeNull();
  });

  it('Nginx moves on to another live app server of its upstream group (design 4), not when it has only one', () => {
    expect(watcherOf(sim('4'), 'app-server-1')).toBe('upstream');
    expect(watcherOf(sim('4'), 'app-1')).toBe('upstream');
    // With app-2 already gone, nothing is left to move on to, and no backend to reroute to.
    expect(watcherOf(step(sim('4'), { type: 'fail', id: 'app-2' }).state, 'app-1')).toBeNull();
    expect(watcherOf(sim('1'), 'app-1')).toBeNull();
  });

  it('an automatic failover stands in for the primary database, a manual one does not', () => {
    expect(watcherOf(sim('4'), 'mysql-1')).toBe('failover');
    expect(watcherOf(sim('1'), 'mysql-1')).toBeNull();
  });

  it('a VIP peer notices a dead machine, and a stopped process only through a track script', () => {
    expect(watcherOf(sim('3'), 'lb-1')).toBe('vip-peer');
    expect(watcherOf(sim('3'), 'haproxy-1')).toBe('vip-peer');
    const topology = loadBuiltin('3');
    const untracked: Topology = { ...topology, clusters: topology.clusters.map(({ ...k }) => (k.kind === 'vip' ? { ...k, trackScript: undefined } : k)) };
    const s = createSim(untracked, { seed: 1 });
    expect(watcherOf(s, 'haproxy-1')).toBeNull();
    expect(watcherOf(s, 'lb-1')).toBe('vip-peer');
  });
});
