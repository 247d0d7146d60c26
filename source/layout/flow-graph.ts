import { edges, type Edge, type EdgeKind } from '../model/edges.js';
import { lookup } from '../model/lookup.js';
import type { Component, Topology } from '../model/types.js';
import type { Link } from './types.js';

/** A line to draw, before it has a route. */
export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly links: readonly Link[];
  readonly encrypted: boolean;
  /** Protocol/port text, empty when the line speaks for itself. */
  readonly label: string;
}

/** Edge kinds that carry the request flow and so decide the left-to-right order. */
export const flowKinds: ReadonlySet<EdgeKind> = new Set(['request', 'code', 'read', 'write']);

/** The host a component is drawn in: its own host, or for a firewall the host it guards. */
export function drawnHost(component: Component): string | undefined {
  return component.kind === 'firewall' ? component.protects : component.host;
}

function port(component: Component | undefined): number | undefined {
  return component && 'port' in component ? component.port : undefined;
}

function isEncrypted(topology: Topology, edge: Edge): boolean {
  if (edge.kind === 'monitoring') return true;
  const to = lookup(topology).component(edge.to);
  return edge.kind === 'request' && to?.kind === 'load-balancer' && to.tls !== undefined;
}

function labelOf(topology: Topology, edge: Edge): string {
  const look = lookup(topology);
  const to = look.component(edge.to);
  switch (edge.kind) {
    case 'resolve':
      return ':53';
    case 'request':
      if (isEncrypted(topology, edge)) return 'https';
      return port(to) === 80 ? 'http' : port(to) === undefined ? '' : `:${port(to)}`;
    case 'write': {
      const from = look.component(edge.from);
      const reads = from?.kind === 'app-server' ? (from.database?.reads ?? []) : [];
      return reads.includes(edge.to) ? 'r/w' : 'write';
    }
    case 'read':
      return 'read';
    case 'replication':
      return 'repl';
    case 'monitoring':
      return 'logs';
    case 'code':
      return '';
  }
}

/**
 * The firewall drawn in front of `target`, when a link from outside its host enters the host
 * there: the first firewall guarding the host, if `target` is where outside traffic first lands.
 */
function gateFor(topology: Topology, edge: Edge, entries: ReadonlyMap<string, string>): Component | undefined {
  const look = lookup(topology);
  const from = look.component(edge.from);
  const to = look.component(edge.to);
  if (!from || !to?.host || from.kind === 'firewall' || to.kind === 'firewall') return undefined;
  if (!flowKinds.has(edge.kind) || drawnHost(from) === to.host) return undefined;
  if (entries.get(to.host) !== to.id) return undefined;
  return topology.components.find((c) => c.kind === 'firewall' && c.protects === to.host);
}

/**
 * Every line of the drawing. Links of the topology come from `edges()`; a link entering a host
 * guarded by a firewall at its entry component is split in two at the firewall, and both halves
 * keep the original link so that highlighting a hop lights the whole way.
 * Guaranteed: no two edges share (from, to, kind); order is stable for a given topology.
 * `entries` maps a host to the component its firewall stands in front of.
 */
export function flowGraph(topology: Topology, entries: ReadonlyMap<string, string>): readonly FlowEdge[] {
  const out = new Map<string, { edge: FlowEdge; links: Link[] }>();
  const add = (from: string, to: string, kind: EdgeKind, link: Link, encrypted: boolean, label: string) => {
    const key = `${from}>${to}>${kind}`;
    const hit = out.get(key);
    if (hit) {
      if (!hit.links.some((l) => l.from === link.from && l.to === link.to)) hit.links.push(link);
      return;
    }
    const links: Link[] = [link];
    if (link.from !== from || link.to !== to) links.push({ from, to });
    out.set(key, { edge: { from, to, kind, links, encrypted, label }, links });
  };
  for (const edge of edges(topology)) {
    const link = { from: edge.from, to: edge.to };
    const encrypted = isEncrypted(topology, edge);
    const label = labelOf(topology, edge);
    const gate = gateFor(topology, edge, entries);
    if (gate) {
      add(edge.from, gate.id, edge.kind, link, encrypted, label);
      add(gate.id, edge.to, edge.kind, link, encrypted, '');
    } else {
      add(edge.from, edge.to, edge.kind, link, encrypted, label);
    }
  }
  return [...out.values()].map(({ edge, links }) => ({ ...edge, links }));
}

/**
 * The lines of the dense arrangement: no firewall splits a link (firewalls sit on their host's
 * border, out of the way), and no line runs to code drawn on its host's border.
 */
export function denseFlowGraph(topology: Topology): readonly FlowEdge[] {
  const look = lookup(topology);
  const framed = (id: string) => {
    const c = look.component(id);
    const host = c ? drawnHost(c) : undefined;
    return host !== undefined && look.host(host) !== undefined;
  };
  return flowGraph(topology, new Map()).filter((e) => !(e.kind === 'code' && framed(e.to)));
}
