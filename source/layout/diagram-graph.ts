/**
 * The graph a topology is drawn from: hosts grouped into units, the lines between them and their
 * ranks. Built once per topology and shared by every arrangement the layout tries.
 */
import { lookup } from '../model/lookup.js';
import type { Topology } from '../model/types.js';
import { denseFlowGraph, flowGraph, type FlowEdge } from './flow-graph.js';
import { groupHosts, type Grouping } from './group-hosts.js';
import { orderUnits } from './order.js';
import type { Spacing } from './size.js';
import type { Routed } from './finish-layout.js';
import type { Placed } from './layout-topology.js';
import type { UnitLayout } from './unit-layout.js';

/** What every arrangement of one topology shares, computed once. */
export interface Prepared {
  readonly topology: Topology;
  readonly grouping: Grouping;
  /** The lines with firewalls astride host frames (gates split the links entering them). */
  readonly flow: readonly FlowEdge[];
  /** The lines of the dense arrangement: firewalls and code sit on frame borders, out of the way. */
  readonly denseFlow: readonly FlowEdge[];
  readonly ranks: ReturnType<typeof orderUnits>;
  /** Units laid out on their own, by `unitKey` of the spacing: arrangements that differ only in the gaps between units share them. */
  readonly units: Map<string, ReadonlyMap<string, UnitLayout>>;
  /** Placements by spacing (and page width, for the dense top row that wraps to it): see `place`. */
  readonly placements: Map<string, Placed>;
  /** Finished drawings but for the legend, by arrangement, placement and page: see `finishLayout`. */
  readonly routed: Map<string, Routed | null>;
}

const known = new WeakMap<Topology, Prepared>();

/**
 * What every arrangement of `topology` shares: its host grouping, lines and ranks, and what was
 * already laid out for it. Kept per topology object (topologies are never changed), so laying
 * the same design out again at another size (a resize) reuses every part that size leaves alone.
 */
export function prepare(topology: Topology): Prepared {
  const hit = known.get(topology);
  if (hit) return hit;
  const made = prepareAnew(topology);
  known.set(topology, made);
  return made;
}

function prepareAnew(topology: Topology): Prepared {
  const grouping = groupHosts(topology);
  const flow = flowGraph(topology, grouping.entries);
  const look = lookup(topology);
  const denseFlow = denseFlowGraph(topology);
  const ranks = orderUnits(grouping.ranks, flow, (id) => look.component(id)?.kind);
  return { topology, grouping, flow, denseFlow, ranks, units: new Map(), placements: new Map(), routed: new Map() };
}

/** The lines an arrangement draws. */
export const flowOf = (p: Prepared, spacing: Spacing) => (spacing.dense ? p.denseFlow : p.flow);
