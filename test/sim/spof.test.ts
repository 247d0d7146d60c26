import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { generatedTopology } from '../../bench/generate-topology.js';
import { analyzeSpof, spofOrder, spofRowsAt } from '../../source/sim/spof.js';
import { topologyIndex } from '../../source/sim/topology-index.js';
import type { Impact } from '../../source/sim/types.js';

const impacts = (design: string): Record<string, Impact> =>
  Object.fromEntries(analyzeSpof(loadBuiltin(design)).map((r) => [r.id, r.impact]));

describe('SPOF analysis (computed from the replay)', () => {
  const all = ['0', '1', '2', '3', '4'].map((d) => [d, impacts(d)] as const);

  it('design 0: every piece of the single server is an outage', () => {
    expect(impacts('0')).toEqual({ dns: 'outage', 'nginx-1': 'outage', 'app-1': 'outage', 'code-1': 'outage', 'mysql-1': 'outage', 'server-1': 'outage' });
  });

  it('design 1: the load balancer is an outage, the primary loses writes, a web server is degraded', () => {
    const d1 = impacts('1');
    expect(d1).toMatchObject({ 'haproxy-1': 'outage', 'lb-1': 'outage', 'mysql-1': 'writes', 'server-1': 'writes', 'server-2': 'degraded' });
    // A TCP check cannot see a dead app behind a live Nginx: half the requests keep failing.
    expect(d1['app-1']).toBe('partial');
  });

  it('design 2: the HTTP check turns a dead app into a mere degradation', () => {
    // fw-1 is iptables on lb-1: stopped, its rules are gone and everything gets in (an exposure, not an outage).
    expect(impacts('2')).toMatchObject({ 'app-1': 'degraded', 'fw-1': 'none', 'mysql-1': 'writes', 'agent-1': 'none' });
  });

  it('says what a failure costs: a stopped host firewall exposes its host, a lost server leaves the rest less to spare', () => {
    const why = Object.fromEntries(analyzeSpof(loadBuiltin('2')).map((r) => [r.id, r.why]));
    expect(why['fw-1']).toBe('works; stopped, it lets every packet through: the host is exposed, not cut off');
    expect(why['app-2']).toBe('works; the rest now carry what app-2 carried, with less to spare');
  });

  it('design 3: the VIP pair removes the LB as a SPOF but the single web/app/db tiers remain', () => {
    expect(impacts('3')).toMatchObject({ 'haproxy-1': 'degraded', 'lb-1': 'degraded', 'haproxy-2': 'none', 'nginx-1': 'outage', 'db-1': 'outage' });
  });

  it('a single DNS service is an outage in designs 0-3; design 4 has a second provider', () => {
    for (const [, rows] of all.slice(0, 4)) expect(rows['dns']).toBe('outage');
    expect(all[4]?.[1]['dns']).toBe('degraded');
    expect(all[4]?.[1]['dns-2']).toBe('none');
  });

  it('design 4: nothing is an outage, loses writes, or keeps failing', () => {
    const bad = Object.entries(all[4]?.[1] ?? {}).filter(([, i]) => ['outage', 'writes', 'partial'].includes(i));
    expect(bad).toEqual([]);
  });

  it('takes a host, what runs on it and its firewalls together, every failure once, and gives the same rows in that order', () => {
    const topology = generatedTopology('tiered', 60, 2);
    const { failable } = topologyIndex(topology);
    const order = spofOrder(topology);
    expect([...order].sort((a, b) => a - b)).toEqual(failable.map((_, i) => i));
    const at = (id: string) => order.indexOf(failable.indexOf(id));
    // web-1's family: its firewall, its agent, its Nginx and the host itself, one after another.
    expect([at('fw-web-1'), at('agent-web-1'), at('nginx-1'), at('web-1')]).toEqual([0, 1, 2, 3].map((k) => at('fw-web-1') + k));
    const rows = analyzeSpof(topology);
    expect(spofRowsAt(topology, 1, order)).toEqual(order.map((i) => rows[i]));
  });
});
