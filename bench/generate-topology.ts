/**
 * Big topologies for the scale cases of the bench, written as topology FILES (what a user would
 * write), from a seed: the same shape, size and seed always give the same file.
 * - `tiered`: a VIP pair of HAProxies, web hosts whose Nginx each proxies to 3 app servers picked
 *   at random, app hosts (Gunicorn + code), a MySQL primary with replicas, a firewall and a
 *   monitoring agent on every host (at 300 components: 40 web, 30 app and 17 database hosts).
 * - `wide`: one tier of servers (Nginx + Gunicorn + code on each, no firewalls) behind a VIP pair.
 * - `deep`: parallel chains through every tier the format has (client, DNS, firewalls, load
 *   balancers, web, app and code, primary, replicas: eight in a row), web host i → app host i →
 *   replica i, each host with its firewall and agent.
 */
import { stringify } from 'yaml';
import { parseTopology } from '../source/model/parse-topology.js';
import type { Topology } from '../source/model/types.js';
import { draw, seedState } from '../source/sim/random.js';

export type Shape = 'tiered' | 'wide' | 'deep';

type Entry = Record<string, unknown>;

/** Host counts per tier for a shape and a number of components (see `components`). */
function tiers(shape: Shape, size: number): { web: number; app: number; db: number } {
  switch (shape) {
    // 9 fixed + 3 per web host + 4 per app host + 3 per database host: 40/30/17 → 300, 135/100/62 → 1,000.
    case 'tiered': {
      const web = Math.round((size * 40) / 300);
      const app = Math.round((size * 30) / 300);
      return { web, app, db: Math.max(2, Math.round((size - 9 - 3 * web - 4 * app) / 3)) };
    }
    // 6 fixed + 2 per server.
    case 'wide':
      return { web: Math.floor((size - 6) / 2), app: 0, db: 2 };
    // 12 fixed + 10 per chain (web host, app host, replica host).
    case 'deep': {
      const each = Math.max(1, Math.floor((size - 12) / 10));
      return { web: each, app: each, db: each + 1 };
    }
  }
}

/** The topology file (as data, ready for YAML) of `shape` with about `size` components. */
function generateTopology(shape: Shape, size: number, seed = 1): Entry {
  let state = seedState(seed);
  const pick = (n: number) => {
    const d = draw(state);
    state = d.next;
    return Math.floor(d.value * n);
  };
  const t = tiers(shape, size);
  const guarded = shape !== 'wide';
  const hosts: Entry[] = [];
  const components: Entry[] = [{ id: 'browser', kind: 'client' }, { id: 'dns', kind: 'dns' }];
  let ip = 10;
  const host = (id: string, allow: readonly number[], from: string | readonly string[] = 'any', more: readonly Entry[] = []) => {
    hosts.push({ id, ip: `10.${Math.floor(ip / 250)}.0.${(ip % 250) + 1}` });
    ip++;
    if (!guarded) return;
    components.push({ id: `fw-${id}`, kind: 'firewall', protects: id, default: 'drop', rules: [...allow.map((port) => ({ allow: port, from })), ...more] });
    components.push({ id: `agent-${id}`, kind: 'monitoring-agent', host: id, 'ships-to': 'monitor' });
  };
  const webs = Array.from({ length: t.web }, (_, i) => `nginx-${i + 1}`);
  const apps = Array.from({ length: shape === 'wide' ? t.web : t.app }, (_, i) => `app-${i + 1}`);
  const dbs = Array.from({ length: t.db }, (_, i) => `mysql-${i + 1}`);
  ['lb-1', 'lb-2'].forEach((id, i) => {
    // The pair's VRRP adverts pass the firewalls, or each would take the address (split brain).
    host(id, [80], 'any', [{ allow: 'vrrp', from: [i === 0 ? 'lb-2' : 'lb-1'] }]);
    components.push({ id: `haproxy-${i + 1}`, kind: 'load-balancer', host: id, backends: webs, health: { check: 'http', inter: '2s', fall: 3, rise: 2 } });
  });
  webs.forEach((id, i) => {
    const on = `web-${i + 1}`;
    host(on, [80], ['lb-1', 'lb-2']);
    const upstream = shape === 'tiered' ? [...new Set([pick(apps.length), pick(apps.length), pick(apps.length)])].map((k) => apps[k]) : [`app-${i + 1}`];
    components.push({ id, kind: 'web-server', host: on, upstream });
    if (shape === 'wide') components.push({ id: `app-${i + 1}`, kind: 'app-server', host: on, database: { writes: 'mysql-1', reads: [dbs[1 + (i % (dbs.length - 1))]] } });
  });
  if (shape !== 'wide') {
    apps.forEach((id, i) => {
      const on = `app-host-${i + 1}`;
      host(on, [8000], webs.length > 20 ? 'any' : webs.map((_, k) => `web-${k + 1}`));
      components.push({ id, kind: 'app-server', host: on, code: `code-${i + 1}`, database: { writes: 'mysql-1', reads: [dbs[1 + (shape === 'deep' ? i % (dbs.length - 1) : pick(dbs.length - 1))]] } });
      components.push({ id: `code-${i + 1}`, kind: 'code', host: on });
    });
  }
  dbs.forEach((id, i) => {
    host(`db-${i + 1}`, [3306]);
    components.push({ id, kind: 'database', host: `db-${i + 1}`, ...(i === 0 ? { role: 'primary' } : { role: 'replica', replicates: 'mysql-1' }) });
  });
  if (guarded) components.push({ id: 'monitor', kind: 'monitoring-service' });
  return {
    id: `${shape}-${size}`,
    title: `Generated ${shape} topology`,
    summary: `About ${size} components in a ${shape} shape (seed ${seed}).`,
    domain: 'example.com',
    dns: [{ name: 'www.example.com', type: 'A', value: '10.9.9.9', ttl: 300 }],
    hosts,
    components,
    clusters: [
      { id: 'lb-pair', kind: 'vip', members: ['haproxy-1', 'haproxy-2'], vip: '10.9.9.9', mode: 'active-passive' },
      { id: 'db-cluster', kind: 'replication', primary: 'mysql-1', replicas: dbs.slice(1), failover: 'automatic' },
    ],
  };
}

/** The same as YAML text, as a file on disk would hold it. */
export function generatedYaml(shape: Shape, size: number, seed = 1): string {
  return stringify(generateTopology(shape, size, seed), { lineWidth: 0 });
}

/** The same read as the app reads a file: a topology ready for the layout and the engine. */
export function generatedTopology(shape: Shape, size: number, seed = 1): Topology {
  return parseTopology(generatedYaml(shape, size, seed), `${shape}-${size}.yaml`);
}
