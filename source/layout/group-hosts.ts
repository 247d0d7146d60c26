import { kindSpecs } from '../model/kinds.js';
import { edges, type Edge } from '../model/edges.js';
import { lookup } from '../model/lookup.js';
import type { Component, Topology } from '../model/types.js';
import { drawnHost, flowKinds } from './flow-graph.js';
import { rankComponents } from './rank.js';

/** A host frame: its components in columns (by rank), and the firewalls at its door. */
export interface HostUnit {
  readonly kind: 'host';
  readonly id: string;
  /** Columns of component ids in flow order; code sits under its app, agents fill the shortest column. */
  readonly columns: readonly (readonly string[])[];
  readonly gates: readonly string[];
  /** The component outside traffic reaches first: the gates stand in front of it. */
  readonly entry: string | undefined;
  readonly rank: number;
}
/** A component drawn on its own (the client, DNS, an external service). */
export interface FreeUnit {
  readonly kind: 'free';
  readonly id: string;
  readonly rank: number;
}
/** Hosts drawn together in a labelled frame: the members of a VIP cluster. */
export interface GroupUnit {
  readonly kind: 'group';
  readonly id: string;
  readonly members: readonly (HostUnit | FreeUnit)[];
  readonly rank: number;
}
export type Unit = HostUnit | FreeUnit | GroupUnit;

export interface Grouping {
  /** Units of the request flow, by dense rank (column 0 holds DNS and the clients). */
  readonly ranks: readonly (readonly Unit[])[];
  /** Units out of the flow (monitoring services), drawn apart. */
  readonly band: readonly Unit[];
  /** Host id → its entry component (where its firewall stands). */
  readonly entries: ReadonlyMap<string, string>;
}

function hostColumns(members: readonly Component[], rank: ReadonlyMap<string, number>): string[][] {
  const ranked = members.filter((c) => rank.has(c.id) && c.kind !== 'code');
  const distinct = [...new Set(ranked.map((c) => rank.get(c.id) ?? 0))].sort((a, b) => a - b);
  const columns = distinct.map((r) => ranked.filter((c) => rank.get(c.id) === r).map((c) => c.id));
  const codeOwner = new Map<string, string>();
  for (const c of members) if (c.kind === 'app-server' && c.code) codeOwner.set(c.code, c.id);
  for (const code of members.filter((c) => c.kind === 'code')) {
    const owner = codeOwner.get(code.id);
    const column = columns.find((col) => owner !== undefined && col.includes(owner));
    if (column && owner) column.splice(column.indexOf(owner) + 1, 0, code.id);
    else if (rank.has(code.id)) columns.push([code.id]);
  }
  for (const extra of members.filter((c) => !rank.has(c.id) && c.kind !== 'firewall' && c.kind !== 'code')) {
    const shortest = columns.reduce<string[] | undefined>((best, col) => (!best || col.length < best.length ? col : best), undefined);
    if (shortest) shortest.push(extra.id);
    else columns.push([extra.id]);
  }
  return columns;
}

/** Where a host's components are, and which components links come from, found in one pass each. */
interface Index {
  readonly members: ReadonlyMap<string, readonly Component[]>;
  readonly gates: ReadonlyMap<string, readonly string[]>;
  /** Component id → the components its flow links come from. */
  readonly from: ReadonlyMap<string, readonly string[]>;
}

function indexOf(topology: Topology, flowEdges: readonly Edge[]): Index {
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const members = new Map<string, Component[]>();
  const gates = new Map<string, string[]>();
  for (const c of topology.components) {
    const host = drawnHost(c);
    if (host === undefined) continue;
    if (c.kind === 'firewall') push(gates, host, c.id);
    else push(members, host, c);
  }
  const from = new Map<string, string[]>();
  for (const e of flowEdges) push(from, e.to, e.from);
  return { members, gates, from };
}

function entryOf(topology: Topology, index: Index, hostId: string, columns: readonly (readonly string[])[]): string | undefined {
  const look = lookup(topology);
  const inside = new Set(columns.flat());
  const reached = (id: string) => (index.from.get(id) ?? []).some((from) => !inside.has(from));
  for (const column of columns) {
    const hit = column.find((id) => reached(id) && look.component(id)?.host === hostId);
    if (hit) return hit;
  }
  return columns[0]?.[0];
}

function hostUnit(topology: Topology, index: Index, hostId: string, rank: ReadonlyMap<string, number>): HostUnit {
  const members = index.members.get(hostId) ?? [];
  const columns = hostColumns(members, rank);
  const gates = index.gates.get(hostId) ?? [];
  const ranks = members.map((c) => rank.get(c.id)).filter((r) => r !== undefined);
  return { kind: 'host', id: hostId, columns, gates: [...gates], entry: entryOf(topology, index, hostId, columns), rank: ranks.length > 0 ? Math.min(...ranks) : -1 };
}

/** Merges the units of each VIP cluster's members into one framed group. */
function groupClusters(topology: Topology, units: Unit[]): Unit[] {
  let result = units;
  for (const cluster of topology.clusters) {
    if (cluster.kind !== 'vip') continue;
    const owners = cluster.members.map((m) => {
      const c = lookup(topology).component(m);
      const key = c ? (drawnHost(c) ?? c.id) : m;
      return result.find((u) => u.id === key);
    });
    const members = [...new Set(owners)].filter((u): u is HostUnit | FreeUnit => u !== undefined && u.kind !== 'group' && u.rank >= 0);
    if (members.length < 2) continue;
    const group: GroupUnit = { kind: 'group', id: cluster.id, members, rank: Math.min(...members.map((m) => m.rank)) };
    const first = result.indexOf(members[0] as Unit);
    result = result.filter((u) => !members.includes(u as HostUnit | FreeUnit));
    result.splice(Math.min(first, result.length), 0, group);
  }
  return result;
}

/**
 * Splits a topology into the units the layout places: host frames, free components and VIP
 * groups, each with a column (dense rank) in the request flow, plus the out-of-flow band.
 * Guaranteed: every component appears in exactly one unit (firewalls as gates of the host they
 * guard, or free when they guard nothing drawn); deterministic. O(n + e + v · units), v the VIP
 * clusters (a handful): components and links are indexed once, each host looks only at its own.
 */
export function groupHosts(topology: Topology): Grouping {
  const rank = rankComponents(topology);
  const hostIds = new Set(topology.hosts.map((h) => h.id));
  const units: Unit[] = [];
  const index = indexOf(topology, edges(topology).filter((e) => flowKinds.has(e.kind)));
  for (const host of topology.hosts) {
    const unit = hostUnit(topology, index, host.id, rank);
    if (unit.columns.length > 0 || unit.gates.length > 0) units.push(unit);
  }
  for (const c of topology.components) {
    const h = drawnHost(c);
    if (h !== undefined && hostIds.has(h)) continue;
    units.push({ kind: 'free', id: c.id, rank: rank.get(c.id) ?? (kindSpecs[c.kind].look.column === null ? -1 : 0) });
  }
  const grouped = groupClusters(topology, units);
  const byRank = new Map<number, Unit[]>();
  for (const u of grouped) {
    if (u.rank < 0) continue;
    const list = byRank.get(u.rank);
    if (list) list.push(u);
    else byRank.set(u.rank, [u]);
  }
  const ranks = [...byRank.keys()].sort((a, b) => a - b).map((r) => byRank.get(r) ?? []);
  const entries = new Map<string, string>();
  for (const u of units) if (u.kind === 'host' && u.entry) entries.set(u.id, u.entry);
  return { ranks, band: grouped.filter((u) => u.rank < 0), entries };
}
