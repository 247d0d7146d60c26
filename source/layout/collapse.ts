import type { Component, Host, Topology } from '../model/types.js';
import { drawnHost } from './flow-graph.js';
import { rankComponents } from './rank.js';
import { screenPoint, type Layout } from './types.js';

/** More components than this are not drawn one by one: the lines between them become a maze. */
export const DRAWN_LIMIT = 80;

/** A label naming a group by its first member and how many more there are. */
const named = (label: string, count: number) => (count > 1 ? `${label} (+${count - 1})` : label);

/**
 * Puts alike components into one group: the same kind, column and role, on hosts that carry the
 * same kinds (firewalls, agents and code go with the hosts they belong to). Members of a VIP pair
 * and a database primary stay on their own; clients, DNS and monitoring services too.
 * Deterministic; linear in the size of the topology.
 */
function groupKeys(topology: Topology): { component: Map<string, string>; host: Map<string, string> } {
  const rank = rankComponents(topology);
  const alone = new Set(topology.clusters.flatMap((c) => (c.kind === 'vip' ? c.members : [c.primary])));
  const main = (c: Component) => !['firewall', 'monitoring-agent', 'code'].includes(c.kind) && c.host !== undefined;
  const profile = new Map<string, string[]>();
  for (const c of topology.components) {
    if (!main(c)) continue;
    const what = `${c.kind}/${rank.get(c.id) ?? ''}/${c.kind === 'database' ? c.role : ''}`;
    const list = profile.get(c.host as string);
    if (list) list.push(what);
    else profile.set(c.host as string, [what]);
  }
  const component = new Map<string, string>();
  const host = new Map<string, string>();
  for (const c of topology.components) if (alone.has(c.id) && c.host) host.set(c.host, `alone ${c.host}`);
  for (const h of topology.hosts) if (!host.has(h.id)) host.set(h.id, `hosting ${[...(profile.get(h.id) ?? [h.id])].sort().join(' ')}`);
  for (const c of topology.components) {
    const on = drawnHost(c);
    const where = on === undefined ? c.id : (host.get(on) ?? on);
    if (alone.has(c.id) || on === undefined) component.set(c.id, `alone ${c.id}`);
    else component.set(c.id, `${c.kind} ${rank.get(c.id) ?? ''} ${c.kind === 'database' ? c.role : ''} on ${where}`);
  }
  return { component, host };
}

/** The first member of each group, by key, and the members of each first member. */
function firsts<T extends { id: string }>(items: readonly T[], keyOf: (item: T) => string) {
  const first = new Map<string, string>();
  const members = new Map<string, string[]>();
  const to = new Map<string, string>();
  for (const item of items) {
    const key = keyOf(item);
    const head = first.get(key) ?? item.id;
    first.set(key, head);
    const list = members.get(head);
    if (list) list.push(item.id);
    else members.set(head, [item.id]);
    to.set(item.id, head);
  }
  return { to, members };
}

/** A collapsed topology, and the id of the box that stands for each component and host. */
export interface Collapsed {
  readonly topology: Topology;
  readonly drawnAs: ReadonlyMap<string, string>;
}

/**
 * The topology drawn when there are too many components to draw one by one: each group of alike
 * components (see `groupKeys`) is one component, named after its first member with the count of
 * the others (`nginx-1 (+39)`), keeping that member's id (so it can be selected and inspected);
 * links between groups stand for the links between their members. Linear in the topology's size.
 */
export function collapseTopology(topology: Topology): Collapsed {
  const keys = groupKeys(topology);
  const hosts = firsts(topology.hosts, (h) => keys.host.get(h.id) ?? h.id);
  const parts = firsts(topology.components, (c) => keys.component.get(c.id) ?? c.id);
  const one = (id: string) => parts.to.get(id) ?? hosts.to.get(id) ?? id;
  const many = (ids: readonly string[]) => [...new Set(ids.map(one))];
  const count = (id: string) => parts.members.get(id)?.length ?? 1;
  // A group's frame is titled `web-1 (+39)` where a host's is `web-1 10.0.0.13` (see frameTitles).
  const drawnHosts: Host[] = topology.hosts
    .filter((h) => hosts.to.get(h.id) === h.id)
    .map((h) => {
      const size = hosts.members.get(h.id)?.length ?? 1;
      return size > 1 ? { ...h, label: h.id, ip: `(+${size - 1})` } : h;
    });
  const components = topology.components
    .filter((c) => parts.to.get(c.id) === c.id)
    .map((c): Component => {
      const base = { ...c, label: named(c.label, count(c.id)), ...(c.host === undefined ? {} : { host: one(c.host) }) };
      switch (base.kind) {
        case 'load-balancer':
          return { ...base, backends: many(base.backends) };
        case 'web-server':
          return { ...base, upstream: many(base.upstream) };
        case 'app-server': {
          const db = base.database;
          return { ...base, ...(base.code ? { code: one(base.code) } : {}), ...(db ? { database: { ...(db.writes ? { writes: one(db.writes) } : {}), reads: many(db.reads) } } : {}) };
        }
        case 'database':
          return base.replicates ? { ...base, replicates: one(base.replicates) } : base;
        case 'firewall':
          return { ...base, protects: one(base.protects) };
        case 'monitoring-agent':
          // No caption on the service: it would count the groups, not the agents.
          return { ...base, shipsTo: '' };
        default:
          return base;
      }
    });
  const clusters = topology.clusters.map((c) => (c.kind === 'vip' ? c : { ...c, replicas: many(c.replicas) }));
  return { topology: { ...topology, hosts: drawnHosts, components, clusters }, drawnAs: new Map([...hosts.to, ...parts.to]) };
}

/**
 * `layout` one row lower, under a line saying why it shows groups (cut to the page width): the
 * picture never leaves the reader wondering where the other components went.
 */
export function withNotice(layout: Layout, notice: string, width: number): Layout {
  const down = <T extends { readonly y: number }>(item: T): T => ({ ...item, y: item.y + 1 });
  const text = notice.length > width ? `${notice.slice(0, Math.max(0, width - 1))}…` : notice;
  return {
    ...layout,
    width: Math.max(layout.width, text.length),
    height: layout.height + 1,
    boxes: layout.boxes.map(down),
    frames: layout.frames.map(down),
    edges: layout.edges.map((e) => ({ ...e, cells: e.cells.map((c) => screenPoint(c.x, c.y + 1)), ...(e.label ? { label: { text: e.label.text, at: screenPoint(e.label.at.x, e.label.at.y + 1) } } : {}) })),
    notes: [{ text, x: 0, y: 0 }, ...layout.notes.map(down)],
  };
}

/** What the notice of a collapsed drawing says. */
export function collapsedNotice(topology: Topology): string {
  return `${topology.components.length} components on ${topology.hosts.length} hosts: alike ones share a box, (+N) counting the rest`;
}

/** What the notice of a big topology drawn box by box says. */
export function expandedNotice(topology: Topology): string {
  return `${topology.components.length} components on ${topology.hosts.length} hosts, a box each; the lines are left out (too many)`;
}
