import type { Topology } from '../../source/model/types.js';

/**
 * The topology with every time HAProxy counts (check interval, connect/client/server time-outs)
 * multiplied by one factor: the differential tests run the real software and the simulation on
 * this same scaled topology, so a 50 s time-out takes 2.5 s in both.
 */
export function scaleTopology(topology: Topology, factor: number): Topology {
  const scale = (ms: number) => Math.round(ms * factor);
  return {
    ...topology,
    components: topology.components.map((c) =>
      c.kind === 'load-balancer'
        ? { ...c, health: { ...c.health, inter: scale(c.health.inter) }, timeouts: { connect: scale(c.timeouts.connect), client: scale(c.timeouts.client), server: scale(c.timeouts.server) } }
        : c,
    ),
  };
}
