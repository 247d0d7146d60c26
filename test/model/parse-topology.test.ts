import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { durationMs } from '../../source/model/defaults.js';
import { edges, entryPoints } from '../../source/model/edges.js';
import { parseTopology } from '../../source/model/parse-topology.js';
import type { ComponentOf, ComponentKind, Topology } from '../../source/model/types.js';
import { toFile } from './to-file.js';

const minimal = `
id: tiny
title: Tiny
summary: The smallest file that uses every kind.
domain: foobar.com
dns:
  - { name: www.foobar.com, type: A, value: 8.8.8.8 }
hosts:
  - { id: lb-1, ip: 8.8.8.1 }
  - { id: server-1, label: Server one, ip: 8.8.8.11 }
  - { id: lb-2, ip: 8.8.8.2 }
components:
  - { id: browser, kind: client }
  - { id: dns, kind: dns }
  - id: fw-1
    kind: firewall
    protects: server-1
    rules: [{ allow: 80 }, { allow: 8000, from: lb-1 }, { allow: vrrp, from: [lb-1, lb-2] }]
  - { id: haproxy-1, kind: load-balancer, host: lb-1, backends: [nginx-1] }
  - { id: haproxy-2, kind: load-balancer, host: lb-2, backends: [nginx-1], tls: { certificate: www.foobar.com }, health: { check: http, inter: 1.5s } }
  - { id: nginx-1, kind: web-server, host: server-1, upstream: [app-1] }
  - { id: app-1, kind: app-server, host: server-1, code: code-1, database: { writes: mysql-1, reads: [mysql-2, mysql-1] } }
  - { id: code-1, kind: code, host: server-1 }
  - { id: mysql-1, kind: database, host: server-1, capacity: 900 }
  - { id: mysql-2, kind: database, host: server-1, role: replica, replicates: mysql-1 }
  - { id: agent-1, kind: monitoring-agent, host: server-1, ships-to: sumologic }
  - { id: sumologic, kind: monitoring-service, label: Sumo Logic }
clusters:
  - { id: lb-pair, kind: vip, members: [haproxy-1, haproxy-2], vip: 8.8.8.8 }
  - { id: db, kind: replication, primary: mysql-1, replicas: [mysql-2] }
tour:
  - title: Start
    text: |
      Two lines
      of text.
`;

const topology = parseTopology(minimal, 'tiny.yaml');
const get = <K extends ComponentKind>(id: string, kind: K): ComponentOf<K> => {
  const found = topology.components.find((c) => c.id === id);
  if (found?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return found as ComponentOf<K>;
};

describe('parseTopology normalizes a file', () => {
  it('keeps ids in file order and defaults labels to ids', () => {
    expect(topology.components.map((c) => c.id)).toEqual(['browser', 'dns', 'fw-1', 'haproxy-1', 'haproxy-2', 'nginx-1', 'app-1', 'code-1', 'mysql-1', 'mysql-2', 'agent-1', 'sumologic']);
    expect(topology.hosts.map((h) => h.label)).toEqual(['lb-1', 'Server one', 'lb-2']);
    expect(get('sumologic', 'monitoring-service').label).toBe('Sumo Logic');
    expect(get('browser', 'client').label).toBe('browser');
  });

  it('fills in the default ports', () => {
    expect(get('dns', 'dns').port).toBe(53);
    expect(get('haproxy-1', 'load-balancer').port).toBe(80);
    expect(get('haproxy-2', 'load-balancer').port).toBe(443);
    expect(get('nginx-1', 'web-server').port).toBe(80);
    expect(get('app-1', 'app-server').port).toBe(8000);
    expect(get('mysql-1', 'database').port).toBe(3306);
  });

  it("uses HAProxy's defaults, and converts durations to ms", () => {
    const lb = get('haproxy-1', 'load-balancer');
    expect(lb.health).toEqual({ check: 'tcp', inter: 2000, fall: 3, rise: 2 });
    expect([lb.retries, lb.redispatch, lb.balance]).toEqual([3, false, 'roundrobin']);
    expect(lb.tls).toBeUndefined();
    expect(get('haproxy-2', 'load-balancer').health).toEqual({ check: 'http', inter: 1500, fall: 3, rise: 2 });
    expect(get('haproxy-2', 'load-balancer').tls).toEqual({ certificate: 'www.foobar.com' });
  });

  it('normalizes firewall sources and the default policy', () => {
    const fw = get('fw-1', 'firewall');
    expect(fw.rules).toEqual([
      { allow: 80, from: 'any' },
      { allow: 8000, from: ['lb-1'] },
      { allow: 'vrrp', from: ['lb-1', 'lb-2'] },
    ]);
    expect(fw.default).toBe('drop');
  });

  it('renames ships-to, and defaults roles, static paths, capacities, TTLs and clusters', () => {
    expect(get('agent-1', 'monitoring-agent').shipsTo).toBe('sumologic');
    expect(get('mysql-1', 'database')).toMatchObject({ role: 'primary', capacity: 900 });
    expect(get('mysql-2', 'database')).toMatchObject({ role: 'replica', replicates: 'mysql-1', capacity: 2_000 });
    expect(get('nginx-1', 'web-server').static).toEqual(['/static/']);
    expect(get('app-1', 'app-server').database).toEqual({ writes: 'mysql-1', reads: ['mysql-2', 'mysql-1'] });
    expect(topology.dns).toEqual([{ name: 'www.foobar.com', type: 'A', value: '8.8.8.8', ttl: 300 }]);
    expect(topology.clusters).toEqual([
      { id: 'lb-pair', kind: 'vip', members: ['haproxy-1', 'haproxy-2'], vip: '8.8.8.8', mode: 'active-passive' },
      { id: 'db', kind: 'replication', primary: 'mysql-1', replicas: ['mysql-2'], failover: 'manual' },
    ]);
    expect(topology.tour).toEqual([{ title: 'Start', focus: [], text: 'Two lines\nof text.\n' }]);
    expect(topology.issues).toEqual([]);
  });

  it('keeps a VIP cluster untracked unless track-script is written, and fills keepalived defaults (interval 1 s, fall 1, rise 1)', () => {
    const withScript = (script: string) => parseTopology(minimal.replace('vip: 8.8.8.8 }', `vip: 8.8.8.8, track-script: ${script} }`), 'tiny.yaml');
    const vip = (t: Topology) => t.clusters.find((c) => c.kind === 'vip');
    expect(vip(topology)).not.toHaveProperty('trackScript');
    expect(vip(withScript('{}'))).toMatchObject({ trackScript: { interval: 1000, fall: 1, rise: 1 } });
    expect(vip(withScript('{ interval: 2s, fall: 3 }'))).toMatchObject({ trackScript: { interval: 2000, fall: 3, rise: 1 } });
    expect(() => withScript('{ every: 2s }')).toThrow(/every/);
  });

  it('gives the edge derivation a topology it can walk', () => {
    expect(entryPoints(topology).map((c) => c.id)).toEqual(['haproxy-1', 'haproxy-2']);
    expect(edges(topology)).toContainEqual({ from: 'mysql-1', to: 'mysql-2', kind: 'replication' });
    expect(edges(topology)).toContainEqual({ from: 'agent-1', to: 'sumologic', kind: 'monitoring' });
  });

  it('reads back its own fully explicit form unchanged', () => {
    const again: Topology = parseTopology(stringify(toFile(topology)), 'again.yaml');
    expect(again).toEqual(topology);
  });
});

describe('durationMs', () => {
  it.each([
    ['500ms', 500],
    ['2s', 2000],
    ['1.5s', 1500],
    ['1m', 60_000],
    ['0.25m', 15_000],
  ])('%s is %d ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });
});
