/**
 * The normalized topology: what the loader returns after parsing, validating and applying defaults.
 * Every reference in it points at an existing id, durations are numbers of virtual milliseconds,
 * and every optional field of the file has its default filled in, so the engine and the layout
 * never re-check the file.
 */

/** Virtual milliseconds. */
export type Ms = number;

export const componentKinds = [
  'client',
  'dns',
  'firewall',
  'load-balancer',
  'web-server',
  'app-server',
  'code',
  'database',
  'monitoring-agent',
  'monitoring-service',
] as const;
export type ComponentKind = (typeof componentKinds)[number];

export interface DnsRecord {
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME';
  readonly value: string;
  /** Seconds, as in a zone file. */
  readonly ttl: number;
}

export interface Host {
  readonly id: string;
  /** Defaults to the id. */
  readonly label: string;
  readonly ip: string;
}

interface ComponentBase {
  readonly id: string;
  /** Defaults to the id. */
  readonly label: string;
  /** The host it runs on; the client, DNS and external services have none. */
  readonly host?: string;
  readonly software?: string;
  /**
   * Requests per second it can serve before latency grows and the excess fails, when the file
   * states it or the kind has a fixed figure. Absent for an app server without one: its capacity
   * is its workers divided by the time each request holds a worker, which the engine measures.
   */
  readonly capacity?: number;
  readonly explain?: string;
}

export interface FirewallRule {
  /** A TCP port, or `vrrp` (IP protocol 112) for keepalived adverts between LB peers. */
  readonly allow: number | 'vrrp';
  /** `any`, or the hosts allowed to send. */
  readonly from: 'any' | readonly string[];
}

export interface Client extends ComponentBase {
  readonly kind: 'client';
}
interface Dns extends ComponentBase {
  readonly kind: 'dns';
  readonly port: number;
}
export interface Firewall extends ComponentBase {
  readonly kind: 'firewall';
  readonly protects: string;
  readonly rules: readonly FirewallRule[];
  readonly default: 'drop' | 'reject';
  /**
   * `host`: the protected machine's own packet filter (iptables); stopped or flushed, it lets
   * everything through. `network`: an appliance in front of the machine; dead, it passes nothing.
   */
  readonly type: 'host' | 'network';
}
export interface HealthCheck {
  readonly check: 'tcp' | 'http';
  readonly inter: Ms;
  readonly fall: number;
  readonly rise: number;
}
export interface LoadBalancer extends ComponentBase {
  readonly kind: 'load-balancer';
  readonly backends: readonly string[];
  readonly balance: 'roundrobin' | 'leastconn' | 'source';
  readonly health: HealthCheck;
  /** New connection attempts after the first one fails (HAProxy default 3). */
  readonly retries: number;
  /** `option redispatch`: the last retry goes to another server. */
  readonly redispatch: boolean;
  /**
   * `maxconn` of each server line: requests in flight to one server at once, the rest queued in
   * HAProxy until `timeout queue`. Absent: HAProxy's default 0, no limit and no queue.
   */
  readonly maxconn?: number;
  readonly tls?: { readonly certificate: string };
  /** The frontend port: 443 when TLS terminates here, else 80. */
  readonly port: number;
}
export interface WebServer extends ComponentBase {
  readonly kind: 'web-server';
  readonly upstream: readonly string[];
  /** Path prefixes served from disk. */
  readonly static: readonly string[];
  readonly port: number;
}
export interface AppServer extends ComponentBase {
  readonly kind: 'app-server';
  readonly code?: string;
  readonly database?: { readonly writes?: string; readonly reads: readonly string[] };
  readonly port: number;
  /** Gunicorn sync workers: each works on one request at a time. */
  readonly workers: number;
}
interface Code extends ComponentBase {
  readonly kind: 'code';
}
export interface Database extends ComponentBase {
  readonly kind: 'database';
  readonly role: 'primary' | 'replica';
  readonly replicates?: string;
  readonly port: number;
}
export interface MonitoringAgent extends ComponentBase {
  readonly kind: 'monitoring-agent';
  readonly shipsTo: string;
}
interface MonitoringService extends ComponentBase {
  readonly kind: 'monitoring-service';
}

export type Component =
  | Client
  | Dns
  | Firewall
  | LoadBalancer
  | WebServer
  | AppServer
  | Code
  | Database
  | MonitoringAgent
  | MonitoringService;

/** The component type of a given kind. */
export type ComponentOf<K extends ComponentKind> = Extract<Component, { kind: K }>;

/**
 * keepalived's `vrrp_script` checking the member's load balancer process, tracked by its VRRP
 * instance with weight 0: after `fall` failed runs `interval` apart the instance goes to FAULT
 * and gives up the address; after `rise` good runs it may hold it again.
 */
export interface TrackScript {
  readonly interval: Ms;
  readonly fall: number;
  readonly rise: number;
}

export interface VipCluster {
  readonly id: string;
  readonly kind: 'vip';
  readonly members: readonly string[];
  readonly vip: string;
  readonly mode: 'active-passive';
  /** Absent: keepalived watches only its peers, so a stopped HAProxy keeps the address. */
  readonly trackScript?: TrackScript;
}
export interface ReplicationCluster {
  readonly id: string;
  readonly kind: 'replication';
  readonly primary: string;
  readonly replicas: readonly string[];
  readonly failover: 'manual' | 'automatic';
}
export type Cluster = VipCluster | ReplicationCluster;

/** A slide of the classroom walkthrough, or a weakness of the design; both focus components. */
export interface Note {
  readonly title: string;
  readonly focus: readonly string[];
  readonly text: string;
}

export interface Topology {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly domain: string;
  readonly dns: readonly DnsRecord[];
  readonly hosts: readonly Host[];
  readonly components: readonly Component[];
  readonly clusters: readonly Cluster[];
  readonly tour: readonly Note[];
  readonly issues: readonly Note[];
}
