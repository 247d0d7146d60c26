import { forwardsOf, kindSpecs } from './kinds.js';
import { lookup } from './lookup.js';
import type { Component, Topology } from './types.js';

/**
 * Why two components are linked. `request` edges carry user traffic; the others are drawn
 * differently and are never on a request path.
 */
export type EdgeKind = 'resolve' | 'request' | 'code' | 'read' | 'write' | 'replication' | 'monitoring';

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/**
 * The components that receive the site's traffic: those behind the address that `www.<domain>`
 * resolves to (the members of a VIP cluster, or the load balancer / web server on the host with
 * that address). Empty when the name does not resolve to anything that listens.
 */
export function entryPoints(topology: Topology): readonly Component[] {
  const look = lookup(topology);
  const record = topology.dns.find((r) => r.name === `www.${topology.domain}` && r.type === 'A');
  if (!record) return [];
  const vip = topology.clusters.find((c) => c.kind === 'vip' && c.vip === record.value);
  if (vip && vip.kind === 'vip') return vip.members.map((id) => look.component(id)).filter((c) => c !== undefined);
  const host = look.hostByIp(record.value);
  if (!host) return [];
  // The kinds that take traffic there, the first present in the kind table's `front` order.
  const ranked = look.onHost(host.id).filter((c) => kindSpecs[c.kind].front !== null);
  const first = Math.min(...ranked.map((c) => kindSpecs[c.kind].front ?? Infinity));
  return ranked.filter((c) => kindSpecs[c.kind].front === first);
}

const cache = new WeakMap<Topology, readonly Edge[]>();

/**
 * Every link the file implies, derived from its references, in a stable order
 * (file order of the referencing component, then order of the reference).
 * Guaranteed: both ends exist in the topology; no duplicates. Computed once per topology (a
 * topology is never changed in place), so callers that ask per component stay linear.
 */
export function edges(topology: Topology): readonly Edge[] {
  const hit = cache.get(topology);
  if (hit) return hit;
  const out = derive(topology);
  cache.set(topology, out);
  return out;
}

function derive(topology: Topology): readonly Edge[] {
  const out: Edge[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, kind: EdgeKind) => {
    const key = `${from}>${to}>${kind}`;
    if (seen.has(key) || !lookup(topology).component(to) || !lookup(topology).component(from)) return;
    seen.add(key);
    out.push({ from, to, kind });
  };
  const clients = topology.components.filter((c) => c.kind === 'client');
  const dns = topology.components.filter((c) => c.kind === 'dns');
  const entries = entryPoints(topology);
  for (const client of clients) {
    for (const d of dns) add(client.id, d.id, 'resolve');
    for (const e of entries) add(client.id, e.id, 'request');
  }
  for (const c of topology.components) {
    for (const to of forwardsOf(c)) add(c.id, to, 'request');
    switch (c.kind) {
      case 'app-server':
        if (c.code) add(c.id, c.code, 'code');
        if (c.database?.writes) add(c.id, c.database.writes, 'write');
        for (const r of c.database?.reads ?? []) if (r !== c.database?.writes) add(c.id, r, 'read');
        break;
      case 'database':
        if (c.replicates) add(c.replicates, c.id, 'replication');
        break;
      case 'monitoring-agent':
        add(c.id, c.shipsTo, 'monitoring');
        break;
      default:
        break;
    }
  }
  return out;
}
