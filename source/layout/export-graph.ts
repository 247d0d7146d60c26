import { lookup } from '../model/lookup.js';
import type { Component, Topology } from '../model/types.js';
import { prepare } from './diagram-graph.js';
import { drawnHost, type FlowEdge } from './flow-graph.js';
import { frameTitles } from './frame-titles.js';

/** A host and the components drawn inside it (firewalls inside the host they guard). */
interface ExportHost {
  readonly id: string;
  readonly title: string;
  readonly components: readonly Component[];
}

/** A VIP cluster: the hosts it groups, with its title. */
interface ExportCluster {
  readonly id: string;
  readonly title: string;
  readonly hosts: readonly string[];
}

/** What every graph export draws: the same boxes and lines as the terminal diagram. */
export interface ExportGraph {
  readonly hosts: readonly ExportHost[];
  /** Components on no host (the client, DNS, external services). */
  readonly free: readonly Component[];
  readonly clusters: readonly ExportCluster[];
  readonly edges: readonly FlowEdge[];
}

/** A frame's title as the terminal diagram gives it when it has room: one wording for both. */
const frameTitle = (topology: Topology, id: string): string => frameTitles(topology, id, undefined)[0] ?? id;

/** The text shown for a component: its label, then its software when it has one. */
export const componentText = (c: Component): readonly string[] => (c.software ? [c.label, c.software] : [c.label]);

/**
 * The graph shared by the Mermaid and DOT exports: hosts with their components, VIP clusters,
 * and the lines of the diagram (a link through a firewall passes the firewall), taken from the
 * same `prepare` the terminal diagram is laid out from, so the drawings agree.
 * Guaranteed: every component appears exactly once, in file order.
 */
export function exportGraph(topology: Topology): ExportGraph {
  const look = lookup(topology);
  const hostIds = new Set(topology.hosts.map((h) => h.id));
  const hosts = topology.hosts.map((h) => ({
    id: h.id,
    title: frameTitle(topology, h.id),
    components: topology.components.filter((c) => drawnHost(c) === h.id),
  }));
  const free = topology.components.filter((c) => !hostIds.has(drawnHost(c) ?? ''));
  const clusters = topology.clusters.flatMap((c) => {
    if (c.kind !== 'vip') return [];
    const owners = c.members.map((m) => look.component(m)?.host).filter((h): h is string => h !== undefined);
    return [{ id: c.id, title: frameTitle(topology, c.id), hosts: [...new Set(owners)] }];
  });
  return { hosts, free, clusters, edges: prepare(topology).flow };
}
