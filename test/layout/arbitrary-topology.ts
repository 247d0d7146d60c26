import fc from 'fast-check';
import type { Component, Topology } from '../../source/model/types.js';

/** The shape of a generated design: how many of each tier and where each piece runs. */
interface Shape {
  readonly lbs: number;
  readonly webs: number;
  readonly apps: number;
  readonly dbs: number;
  readonly hosts: number;
  /** For each placed component (lbs, webs, apps, dbs in order), a host index. */
  readonly placement: readonly number[];
  readonly firewalls: readonly boolean[];
  readonly monitoring: boolean;
  readonly labels: boolean;
}

const base = (id: string, label?: string) => ({ id, label: label ?? id, capacity: 1000 });

function build(s: Shape): Topology {
  const hostIds = Array.from({ length: s.hosts }, (_, i) => `host-${i + 1}`);
  const hostOf = (k: number) => hostIds[(s.placement[k] ?? 0) % s.hosts] as string;
  const name = (id: string) => (s.labels ? `${id}-svc` : id);
  const webs = Array.from({ length: s.webs }, (_, i) => `web-${i + 1}`);
  const apps = Array.from({ length: s.apps }, (_, i) => `app-${i + 1}`);
  const dbs = Array.from({ length: s.dbs }, (_, i) => `db-${i + 1}`);
  const lbs = Array.from({ length: s.lbs }, (_, i) => `lb-${i + 1}`);
  const components: Component[] = [{ ...base('browser'), kind: 'client' }, { ...base('dns'), kind: 'dns', port: 53 }];
  let k = 0;
  for (const id of lbs) {
    components.push({ ...base(id, name(id)), kind: 'load-balancer', host: hostOf(k++), backends: webs, balance: 'roundrobin', health: { check: 'tcp', inter: 2000, fall: 3, rise: 2 }, retries: 3, redispatch: false, port: 80 });
  }
  webs.forEach((id, i) => components.push({ ...base(id, name(id)), kind: 'web-server', host: hostOf(k++), upstream: [apps[i % apps.length] as string], static: ['/static/'], port: 80 }));
  apps.forEach((id, i) => {
    const host = hostOf(k++);
    components.push({ ...base(id, name(id)), kind: 'app-server', host, workers: 3, code: `code-${i + 1}`, database: { writes: dbs[0] as string, reads: [dbs[i % dbs.length] as string] }, port: 8000 });
    components.push({ ...base(`code-${i + 1}`), kind: 'code', host });
  });
  dbs.forEach((id, i) => components.push({ ...base(id, name(id)), kind: 'database', host: hostOf(k++), role: i === 0 ? 'primary' : 'replica', ...(i > 0 ? { replicates: dbs[0] as string } : {}), port: 3306 }));
  hostIds.forEach((h, i) => {
    if (s.firewalls[i]) components.push({ ...base(`fw-${i + 1}`), kind: 'firewall', protects: h, rules: [{ allow: 80, from: 'any' }], default: 'drop', type: 'host' });
    if (s.monitoring) components.push({ ...base(`agent-${i + 1}`), kind: 'monitoring-agent', host: h, shipsTo: 'monitor' });
  });
  if (s.monitoring) components.push({ ...base('monitor'), kind: 'monitoring-service' });
  const used = new Set(components.map((c) => c.host).filter((h) => h !== undefined));
  const hosts = hostIds.filter((h) => used.has(h)).map((h, i) => ({ id: h, label: h, ip: `10.0.0.${i + 1}` }));
  const kept = components.filter((c) => c.kind !== 'firewall' || used.has(c.protects));
  const entry = lbs.length > 0 ? hostOf(0) : hostOf(0);
  const entryIp = hosts.find((h) => h.id === entry)?.ip ?? '10.0.0.1';
  return {
    id: 'generated',
    title: 'Generated',
    summary: 'A generated design.',
    domain: 'example.com',
    dns: [{ name: 'www.example.com', type: 'A', value: entryIp, ttl: 60 }],
    hosts,
    components: kept,
    clusters: dbs.length > 1 ? [{ id: 'repl', kind: 'replication', primary: dbs[0] as string, replicas: dbs.slice(1), failover: 'manual' }] : [],
    tour: [],
    issues: [],
  };
}

/** Valid normalized topologies of varied shapes: 0-2 LBs, 1-4 web, 1-4 app, 1-3 DBs on 1-6 hosts. */
export const topologyArbitrary: fc.Arbitrary<Topology> = fc
  .record({
    lbs: fc.integer({ min: 0, max: 2 }),
    webs: fc.integer({ min: 1, max: 4 }),
    apps: fc.integer({ min: 1, max: 4 }),
    dbs: fc.integer({ min: 1, max: 3 }),
    hosts: fc.integer({ min: 1, max: 6 }),
    placement: fc.array(fc.nat(5), { minLength: 13, maxLength: 13 }),
    firewalls: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    monitoring: fc.boolean(),
    labels: fc.boolean(),
  })
  .map(build);
