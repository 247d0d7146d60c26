/**
 * The diagram: layout + render of each built-in design at 120 columns and in the app's diagram
 * area at 80×24 (target ≤ 5 ms), of a generated 300-component topology at 160 columns (target
 * ≤ 100 ms; drawn collapsed), each from a fresh copy of the topology (nothing kept from the run
 * before), and rendering alone (what the app redoes on every frame). The baseline is rendering
 * an empty layout of the same page size: the fixed cost of the canvas and the styled lines.
 */
import { layoutTopology, renderDiagram, type Layout, type ViewState } from '../source/layout/index.js';
import { defaults } from '../source/model/defaults.js';
import { loadBuiltin } from '../source/model/load-builtins.js';
import type { Component, Host, Topology } from '../source/model/types.js';
import { timeMedian, type BenchCase, type BenchSuite } from './harness.js';

const health = { check: 'http' as const, inter: 2000, fall: 3, rise: 2 };

/**
 * 300 components: two clients and DNS, a VIP pair of HAProxies, 52 servers (firewall, Nginx, app,
 * code, agent), 10 database hosts (firewall, MySQL, agent) and a monitoring service.
 */
export function generatedTopology(servers = 52, databases = 10): Topology {
  const hosts: Host[] = [];
  const components: Component[] = [
    { id: 'browser', label: 'browser', kind: 'client', capacity: 1e9 },
    { id: 'phone', label: 'phone', kind: 'client', capacity: 1e9 },
    { id: 'dns', label: 'dns', kind: 'dns', capacity: 1e9, port: 53 },
    { id: 'monitor', label: 'monitor', kind: 'monitoring-service', capacity: 1e9 },
  ];
  const webs = Array.from({ length: servers }, (_, i) => `nginx-${i + 1}`);
  const dbs = Array.from({ length: databases }, (_, i) => `mysql-${i + 1}`);
  const host = (id: string, n: number) => {
    hosts.push({ id, label: id, ip: `10.${Math.floor(n / 250)}.0.${(n % 250) + 1}` });
    components.push(
      { id: `fw-${id}`, label: `fw-${id}`, kind: 'firewall', protects: id, rules: [{ allow: 80, from: 'any' }], default: 'drop', type: 'host', capacity: 1e9 },
      { id: `agent-${id}`, label: `agent-${id}`, kind: 'monitoring-agent', host: id, shipsTo: 'monitor', capacity: 1e9 },
    );
  };
  ['lb-1', 'lb-2'].forEach((id, i) => {
    host(id, i);
    components.push({ id: `haproxy-${i + 1}`, label: `haproxy-${i + 1}`, kind: 'load-balancer', host: id, capacity: 2e4, backends: webs, balance: 'roundrobin', health, retries: 3, redispatch: false, timeouts: defaults.haproxyTimeouts, port: 80 });
  });
  for (let i = 1; i <= servers; i++) {
    const id = `server-${i}`;
    host(id, i + 10);
    components.push(
      { id: `nginx-${i}`, label: `nginx-${i}`, kind: 'web-server', host: id, capacity: 5000, upstream: [`app-${i}`], static: ['/static/'], port: 80 },
      { id: `app-${i}`, label: `app-${i}`, kind: 'app-server', host: id, workers: 3, code: `code-${i}`, database: { writes: 'mysql-1', reads: [dbs[i % databases] as string] }, port: 8000 },
      { id: `code-${i}`, label: `code-${i}`, kind: 'code', host: id, capacity: 1e9 },
    );
  }
  dbs.forEach((id, j) => {
    host(`db-${j + 1}`, j + 100);
    components.push({ id, label: id, kind: 'database', host: `db-${j + 1}`, capacity: 2000, role: j === 0 ? 'primary' : 'replica', ...(j > 0 ? { replicates: 'mysql-1' } : {}), port: 3306 });
  });
  return {
    id: 'generated',
    title: 'Generated',
    summary: 'Many servers behind a VIP pair.',
    domain: 'example.com',
    dns: [{ name: 'www.example.com', type: 'A', value: '10.9.9.9', ttl: 60 }],
    hosts,
    components,
    clusters: [
      { id: 'vip', kind: 'vip', members: ['haproxy-1', 'haproxy-2'], vip: '10.9.9.9', mode: 'active-passive' },
      { id: 'db', kind: 'replication', primary: 'mysql-1', replicas: dbs.slice(1), failover: 'manual' },
    ],
    tour: [],
    issues: [],
  };
}

/** An empty layout of the same page size: rendering it is the baseline. */
const emptyLike = (l: Layout): Layout => ({ ...l, boxes: [], frames: [], edges: [], notes: [], legend: [] });

function diagramCase(name: string, topology: Topology, options: { width: number; height?: number }, target: number, iterations: number): BenchCase {
  return {
    name,
    run: () => {
      // A fresh copy each time: layouts are kept per topology object, and a layout found again is
      // not what this case measures.
      const draw = () => renderDiagram(layoutTopology({ ...topology }, { ...options, ascii: false }), {}, { ascii: false });
      const layout = layoutTopology(topology, { ...options, ascii: false });
      const value = timeMedian(draw, iterations);
      const empty = emptyLike(layout);
      const baseline = timeMedian(() => renderDiagram(empty, {}, { ascii: false }), iterations);
      return {
        value,
        unit: 'ms',
        target,
        baseline: { value: baseline, what: 'rendering an empty page of that size' },
        detail: `${topology.components.length} components, ${layout.arrangement}, ${layout.width}×${layout.height}`,
      };
    },
  };
}

/**
 * Rendering alone, as the app does on every frame (same layout, a new view): a request's path, a
 * failure, a selection and a badge on every component.
 */
function renderCase(name: string, topology: Topology, options: { width: number; height?: number }, target: number, iterations: number): BenchCase {
  return {
    name,
    run: () => {
      const layout = layoutTopology(topology, { ...options, ascii: false });
      const [first, second] = layout.edges;
      const view: ViewState = {
        failed: [topology.components[3]?.id ?? ''],
        path: first ? [first.links[0] ?? first] : [],
        ...(second ? { active: { from: second.from, to: second.to, direction: 'request' as const } } : {}),
        selected: topology.components[4]?.id ?? '',
        badges: Object.fromEntries(topology.components.map((c) => [c.id, '42%'])),
      };
      const value = timeMedian(() => renderDiagram(layout, view, { ascii: false }), iterations);
      const baseline = timeMedian(() => renderDiagram(emptyLike(layout), {}, { ascii: false }), iterations);
      return {
        value,
        unit: 'ms',
        target,
        baseline: { value: baseline, what: 'rendering an empty page of that size' },
        detail: `${layout.arrangement}, ${layout.width}×${layout.height}`,
      };
    },
  };
}

const builtins = ['simple', 'distributed', 'secured', 'scaled', 'high-availability'];

const suite: BenchSuite = {
  name: 'layout: layout + render of a diagram',
  cases: [
    ...builtins.map((id) => diagramCase(`built-in ${id}, 120 columns`, loadBuiltin(id), { width: 120 }, 5, 200)),
    ...builtins.map((id) => diagramCase(`built-in ${id}, app at 80×24 (80×14)`, loadBuiltin(id), { width: 80, height: 14 }, 5, 200)),
    diagramCase('generated 300 components, 160 columns', generatedTopology(), { width: 160 }, 100, 7),
    renderCase('render only: high-availability at 80×14, per frame', loadBuiltin('high-availability'), { width: 80, height: 14 }, 1, 200),
    renderCase('render only: generated 300 components, 160 columns', generatedTopology(), { width: 160 }, 16, 15),
  ],
};

export default suite;
