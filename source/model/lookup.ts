import type { Component, ComponentKind, ComponentOf, Host, Topology } from './types.js';

/** Indexed, read-only views of a topology, built once per topology. */
export interface Lookup {
  readonly component: (id: string) => Component | undefined;
  readonly host: (id: string) => Host | undefined;
  /** Components placed on a host, in file order. */
  readonly onHost: (hostId: string) => readonly Component[];
  /** Components of one kind, in file order. */
  readonly ofKind: <K extends ComponentKind>(kind: K) => readonly ComponentOf<K>[];
  /** The host whose address is `ip`, if any. */
  readonly hostByIp: (ip: string) => Host | undefined;
}

const cache = new WeakMap<Topology, Lookup>();

/** Returns the (memoized) lookup tables of a topology. */
export function lookup(topology: Topology): Lookup {
  const hit = cache.get(topology);
  if (hit) return hit;
  const components = new Map(topology.components.map((c) => [c.id, c]));
  const hosts = new Map(topology.hosts.map((h) => [h.id, h]));
  const byIp = new Map(topology.hosts.map((h) => [h.ip, h]));
  const byHost = new Map<string, Component[]>();
  for (const c of topology.components) {
    if (c.host === undefined) continue;
    const list = byHost.get(c.host) ?? [];
    list.push(c);
    byHost.set(c.host, list);
  }
  const result: Lookup = {
    component: (id) => components.get(id),
    host: (id) => hosts.get(id),
    onHost: (id) => byHost.get(id) ?? [],
    ofKind: <K extends ComponentKind>(kind: K) =>
      topology.components.filter((c): c is ComponentOf<K> => c.kind === kind),
    hostByIp: (ip) => byIp.get(ip),
  };
  cache.set(topology, result);
  return result;
}
