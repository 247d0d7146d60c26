import type { Cluster, Component, Topology } from '../../source/model/types.js';

/** A component written back in the file format: `shipsTo` → `ships-to`, durations as `<n>ms`. */
function componentToFile(c: Component): Record<string, unknown> {
  switch (c.kind) {
    case 'monitoring-agent': {
      const { shipsTo, ...rest } = c;
      return { ...rest, 'ships-to': shipsTo };
    }
    case 'load-balancer':
      return { ...c, health: { ...c.health, inter: `${c.health.inter}ms` } };
    default:
      return { ...c };
  }
}

/** A cluster written back: `trackScript` → `track-script` with its interval as `<n>ms`. */
function clusterToFile(c: Cluster): Record<string, unknown> {
  if (c.kind !== 'vip' || c.trackScript === undefined) return { ...c };
  const { trackScript, ...rest } = c;
  return { ...rest, 'track-script': { ...trackScript, interval: `${trackScript.interval}ms` } };
}

/**
 * A normalized topology as a fully explicit file (every default written out). Parsing it must
 * give the same topology back: the loader's defaults and conversions are then invertible.
 */
export function toFile(topology: Topology): Record<string, unknown> {
  return { ...topology, components: topology.components.map(componentToFile), clusters: topology.clusters.map(clusterToFile) };
}
