import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { entryPoints } from '../../source/model/edges.js';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import { loadTopology } from '../../source/model/load-topology.js';
import { lookup } from '../../source/model/lookup.js';
import { parseTopology } from '../../source/model/parse-topology.js';
import type { Topology } from '../../source/model/types.js';
import { toFile } from './to-file.js';

const root = resolve(import.meta.dirname, '../..');
const ids = ['simple', 'distributed', 'secured', 'scaled', 'high-availability'];

/** DESIGN §5: the hosts and components users type, by design (a public contract). */
const contract: Record<string, { hosts: Record<string, string[]>; unhosted: string[] }> = {
  simple: { hosts: { 'server-1': ['nginx-1', 'app-1', 'code-1', 'mysql-1'] }, unhosted: ['browser', 'dns'] },
  distributed: {
    hosts: { 'lb-1': ['haproxy-1'], 'server-1': ['nginx-1', 'app-1', 'code-1', 'mysql-1'], 'server-2': ['nginx-2', 'app-2', 'code-2', 'mysql-2'] },
    unhosted: ['browser', 'dns'],
  },
  secured: {
    hosts: { 'lb-1': ['haproxy-1', 'agent-1'], 'server-1': ['nginx-1', 'app-1', 'code-1', 'mysql-1', 'agent-2'], 'server-2': ['nginx-2', 'app-2', 'code-2', 'mysql-2', 'agent-3'] },
    unhosted: ['browser', 'dns', 'fw-1', 'fw-2', 'fw-3', 'sumologic'],
  },
  scaled: {
    hosts: { 'lb-1': ['haproxy-1'], 'lb-2': ['haproxy-2'], 'web-1': ['nginx-1'], 'app-server-1': ['app-1', 'code-1'], 'db-1': ['mysql-1'] },
    unhosted: ['browser', 'dns', 'sumologic'],
  },
  'high-availability': { hosts: { 'lb-1': ['haproxy-1'], 'lb-2': ['haproxy-2'] }, unhosted: ['browser', 'dns'] },
};

const all = ids.map((id) => loadBuiltin(id));

describe('the built-in registry', () => {
  it('lists the five designs in number order with their files, titles and summaries', () => {
    const entries = builtins();
    expect(entries.map((e) => [e.number, e.id])).toEqual(ids.map((id, n) => [n, id]));
    for (const e of entries) {
      expect(e.file).toBe(resolve(root, 'topologies', `${e.number}-${e.id}.yaml`));
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.summary.length).toBeGreaterThan(0);
    }
  });

  it.each(ids.map((id, n) => [n, id] as const))('loads %d and %s as the same topology, also by path', async (n, id) => {
    const byId = loadBuiltin(id);
    expect(byId.id).toBe(id);
    expect(loadBuiltin(String(n))).toBe(byId);
    expect(await loadTopology(String(n), '/')).toBe(byId);
    expect(await loadTopology(`topologies/${n}-${id}.yaml`, root)).toEqual(byId);
  });

  it.each(ids)('%s places the components DESIGN §5 names on the hosts it names', (id) => {
    const topology = loadBuiltin(id);
    const look = lookup(topology);
    const { hosts, unhosted } = contract[id] ?? { hosts: {}, unhosted: [] };
    for (const [host, components] of Object.entries(hosts)) {
      for (const c of components) expect(look.component(c)?.host, `${c} on ${host}`).toBe(host);
    }
    for (const c of unhosted) expect(look.component(c), c).toBeDefined();
  });

  it.each(ids)('%s sends www.foobar.com to 8.8.8.8, where something listens', (id) => {
    const topology = loadBuiltin(id);
    expect(topology.dns).toContainEqual(expect.objectContaining({ name: `www.${topology.domain}`, type: 'A', value: '8.8.8.8' }));
    expect(entryPoints(topology).length).toBeGreaterThan(0);
  });

  it('checks backends with TCP in design 1 and with HTTP in designs 2-4', () => {
    const checks = (t: Topology) => [...new Set(lookup(t).ofKind('load-balancer').map((lb) => lb.health.check))];
    expect(all.map(checks)).toEqual([[], ['tcp'], ['http'], ['http'], ['http']]);
  });

  it('has the VIP clusters of designs 3 and 4 track HAProxy, as a careful operator would', () => {
    const tracked = all.flatMap((t) => t.clusters.filter((c) => c.kind === 'vip' && c.trackScript !== undefined).map(() => t.id));
    expect(tracked).toEqual(['scaled', 'high-availability']);
  });

  it('carries a tour and issues in every design', () => {
    for (const t of all) {
      expect(t.tour.length, t.id).toBeGreaterThan(0);
      expect(t.issues.length, t.id).toBeGreaterThan(0);
    }
  });

  it.each(ids)('%s reads back its fully explicit form unchanged', (id) => {
    const topology = loadBuiltin(id);
    expect(parseTopology(stringify(toFile(topology)), `${id}.yaml`)).toEqual(topology);
  });
});
