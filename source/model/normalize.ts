import { defaults, durationMs } from './defaults.js';
import { kindSpecs } from './kinds.js';
import type { ClusterFile, ComponentFile, TopologyFile } from './file-schema.js';
import type { Cluster, Component, FirewallRule, Topology, TrackScript } from './types.js';

/** The fields every component has, with label and (where the kind has one) capacity filled in. */
function base(c: ComponentFile) {
  const capacity = c.capacity ?? kindSpecs[c.kind].capacity;
  return {
    id: c.id,
    label: c.label ?? c.id,
    ...(capacity === undefined ? {} : { capacity }),
    ...(c.host === undefined ? {} : { host: c.host }),
    ...(c.software === undefined ? {} : { software: c.software }),
    ...(c.explain === undefined ? {} : { explain: c.explain }),
  };
}

function rules(c: Extract<ComponentFile, { kind: 'firewall' }>): FirewallRule[] {
  return (c.rules ?? []).map((r) => ({
    allow: r.allow,
    from: r.from === undefined || r.from === 'any' ? 'any' : typeof r.from === 'string' ? [r.from] : [...r.from],
  }));
}

/** One component with every default applied. */
function component(c: ComponentFile): Component {
  switch (c.kind) {
    case 'client':
    case 'code':
    case 'monitoring-service':
      return { ...base(c), kind: c.kind };
    case 'dns':
      return { ...base(c), kind: 'dns', port: c.port ?? kindSpecs.dns.port };
    case 'firewall':
      return { ...base(c), kind: 'firewall', protects: c.protects, rules: rules(c), default: c.default ?? defaults.firewallDefault, type: c.type ?? defaults.firewallType };
    case 'load-balancer':
      return {
        ...base(c),
        kind: 'load-balancer',
        backends: [...c.backends],
        balance: c.balance ?? defaults.balance,
        health: {
          check: c.health?.check ?? defaults.health.check,
          inter: c.health?.inter === undefined ? defaults.health.inter : durationMs(c.health.inter),
          fall: c.health?.fall ?? defaults.health.fall,
          rise: c.health?.rise ?? defaults.health.rise,
        },
        retries: c.retries ?? defaults.retries,
        redispatch: c.redispatch ?? defaults.redispatch,
        ...(c.maxconn === undefined ? {} : { maxconn: c.maxconn }),
        ...(c.tls === undefined ? {} : { tls: { certificate: c.tls.certificate } }),
        port: c.port ?? (c.tls ? defaults.httpsPort : kindSpecs['load-balancer'].port),
      };
    case 'web-server':
      return { ...base(c), kind: 'web-server', upstream: [...(c.upstream ?? [])], static: [...(c.static ?? defaults.staticPrefixes)], port: c.port ?? kindSpecs['web-server'].port };
    case 'app-server':
      return {
        ...base(c),
        kind: 'app-server',
        ...(c.code === undefined ? {} : { code: c.code }),
        ...(c.database === undefined
          ? {}
          : { database: { ...(c.database.writes === undefined ? {} : { writes: c.database.writes }), reads: [...(c.database.reads ?? [])] } }),
        port: c.port ?? kindSpecs['app-server'].port,
        workers: c.workers ?? defaults.workers,
      };
    case 'database':
      return {
        ...base(c),
        kind: 'database',
        role: c.role ?? defaults.role,
        ...(c.replicates === undefined ? {} : { replicates: c.replicates }),
        port: c.port ?? kindSpecs.database.port,
      };
    case 'monitoring-agent':
      return { ...base(c), kind: 'monitoring-agent', shipsTo: c['ships-to'] };
  }
}

function trackScript(t: NonNullable<Extract<ClusterFile, { kind: 'vip' }>['track-script']>): TrackScript {
  const d = defaults.trackScript;
  return { interval: t.interval === undefined ? d.interval : durationMs(t.interval), fall: t.fall ?? d.fall, rise: t.rise ?? d.rise };
}

function cluster(c: ClusterFile): Cluster {
  if (c.kind === 'replication') return { id: c.id, kind: 'replication', primary: c.primary, replicas: [...c.replicas], failover: c.failover ?? defaults.failover };
  const tracked = c['track-script'];
  return { id: c.id, kind: 'vip', members: [...c.members], vip: c.vip, mode: c.mode ?? defaults.vipMode, ...(tracked === undefined ? {} : { trackScript: trackScript(tracked) }) };
}

/**
 * The engine's view of a checked file: every default applied, durations in ms, `ships-to` as
 * `shipsTo`, firewall sources as `'any'` or a list of hosts, labels defaulting to ids. Call only
 * on a file that passed the schema and the semantic checks.
 */
export function normalize(file: TopologyFile): Topology {
  const note = (n: NonNullable<TopologyFile['tour']>[number]) => ({ title: n.title, focus: [...(n.focus ?? [])], text: n.text });
  return {
    id: file.id,
    title: file.title,
    summary: file.summary,
    domain: file.domain,
    dns: (file.dns ?? []).map((r) => ({ name: r.name, type: r.type, value: r.value, ttl: r.ttl ?? defaults.ttl })),
    hosts: (file.hosts ?? []).map((h) => ({ id: h.id, label: h.label ?? h.id, ip: h.ip })),
    components: file.components.map(component),
    clusters: (file.clusters ?? []).map(cluster),
    tour: (file.tour ?? []).map(note),
    issues: (file.issues ?? []).map(note),
  };
}
