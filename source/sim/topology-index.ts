/**
 * Indexes over a topology that the engine asks for on every hop, built once per topology
 * (memoized on the object, which the engine never copies).
 */
import { lookup } from '../model/lookup.js';
import { kindSpecs } from '../model/kinds.js';
import { entryPoints } from '../model/edges.js';
import type { AppServer, Client, Component, Firewall, LoadBalancer, Topology, WebServer } from '../model/types.js';

export interface TopologyIndex {
  readonly component: (id: string) => Component | undefined;
  readonly isHost: (id: string) => boolean;
  /** Firewalls protecting a host, in file order. */
  readonly firewallsOf: (hostId: string) => readonly Firewall[];
  /** The component listening on `port` on a host, if any. */
  readonly listener: (hostId: string, port: number) => Component | undefined;
  readonly hostIp: (hostId: string) => string;
  readonly hostByIp: (ip: string) => string | undefined;
  readonly onHost: (hostId: string) => readonly Component[];
  /** The app servers a web server proxies to, in its `upstream` order. */
  readonly upstreamsOf: (web: WebServer) => readonly AppServer[];
  /** The components that can be failed, then the hosts, in file order. */
  readonly failable: readonly string[];
  /** The browser (a stand-in when the file declares none). */
  readonly client: Client;
  readonly dnsServers: readonly Component[];
  readonly loadBalancers: readonly LoadBalancer[];
  /** The site is served over HTTPS: a load balancer at the entry terminates TLS. */
  readonly https: boolean;
}

/** The TCP port a component listens on, or null for those that do not. */
function listenPort(c: Component): number | null {
  return 'port' in c ? c.port : null;
}

const cache = new WeakMap<Topology, TopologyIndex>();
// The engine asks for the same topology's index many times per request: keep the last one at hand.
let last: { topology: Topology; index: TopologyIndex } | undefined;

/** The (memoized) index of a topology. */
export function topologyIndex(topology: Topology): TopologyIndex {
  if (last?.topology === topology) return last.index;
  const hit = cache.get(topology);
  if (hit) {
    last = { topology, index: hit };
    return hit;
  }
  const look = lookup(topology);
  const firewalls = new Map<string, Firewall[]>();
  const listeners = new Map<string, Component>();
  for (const c of topology.components) {
    if (c.kind === 'firewall') firewalls.set(c.protects, [...(firewalls.get(c.protects) ?? []), c]);
    const port = listenPort(c);
    const key = `${c.host ?? ''}:${port ?? ''}`;
    if (c.host !== undefined && port !== null && !listeners.has(key)) listeners.set(key, c);
  }
  const upstreams = new Map<string, AppServer[]>();
  for (const c of topology.components) {
    if (c.kind === 'web-server') upstreams.set(c.id, c.upstream.map((id) => look.component(id)).filter((a): a is AppServer => a?.kind === 'app-server'));
  }
  const index: TopologyIndex = {
    component: look.component,
    isHost: (id) => look.host(id) !== undefined,
    firewallsOf: (host) => firewalls.get(host) ?? [],
    listener: (host, port) => listeners.get(`${host}:${port}`),
    hostIp: (host) => look.host(host)?.ip ?? host,
    hostByIp: (ip) => look.hostByIp(ip)?.id,
    onHost: look.onHost,
    upstreamsOf: (web) => upstreams.get(web.id) ?? [],
    client: topology.components.find((x): x is Client => x.kind === 'client') ?? { id: 'browser', kind: 'client', label: 'browser', capacity: 0 },
    dnsServers: topology.components.filter((c) => c.kind === 'dns'),
    loadBalancers: topology.components.filter((c): c is LoadBalancer => c.kind === 'load-balancer'),
    https: entryPoints(topology).some((c) => c.kind === 'load-balancer' && c.tls !== undefined),
    failable: [...topology.components.filter((c) => kindSpecs[c.kind].fails.length > 0).map((c) => c.id), ...topology.hosts.map((h) => h.id)],
  };
  cache.set(topology, index);
  last = { topology, index };
  return index;
}
