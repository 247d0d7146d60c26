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
