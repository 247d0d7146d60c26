/**
 * The simulation engine: one trace and a full SPOF analysis on each built-in design, and both on
 * a generated 300-component topology (targets: trace ≤ 5 ms, SPOF ≤ 1000 ms). The baseline is
 * `createSim` on the same topology: the cost of building a fresh state.
 */
import { loadBuiltin } from '../source/model/load-builtins.js';
import type { Component, Host, Topology } from '../source/model/types.js';
import { createSim, settle, step } from '../source/sim/engine.js';
import { analyzeSpof } from '../source/sim/spof.js';
import { timeMedian, type BenchCase, type BenchSuite } from './harness.js';

const health = { check: 'http' as const, inter: 2000, fall: 3, rise: 2 };

/** A VIP pair of HAProxies in front of `servers` web+app+code servers and a primary with replicas: 300 components. */
export function generated(servers = 95, replicas = 10): Topology {
  const hosts: Host[] = [
    { id: 'lb-1', label: 'lb-1', ip: '10.0.0.2' },
    { id: 'lb-2', label: 'lb-2', ip: '10.0.0.3' },
  ];
  const webs = Array.from({ length: servers }, (_, i) => `nginx-${i + 1}`);
  const dbs = Array.from({ length: replicas + 1 }, (_, i) => `mysql-${i + 1}`);
  const lb = (id: string, host: string): Component => ({
    id, label: id, kind: 'load-balancer', host, capacity: 20000, backends: webs, balance: 'roundrobin', health, retries: 3, redispatch: true, port: 80,
  });
  const components: Component[] = [
    { id: 'browser', label: 'browser', kind: 'client', capacity: 1e9 },
    { id: 'dns', label: 'dns', kind: 'dns', capacity: 1e9, port: 53 },
    lb('haproxy-1', 'lb-1'),
    lb('haproxy-2', 'lb-2'),
  ];
  for (let i = 1; i <= servers; i++) {
    const host = `server-${i}`;
    hosts.push({ id: host, label: host, ip: `10.0.${Math.floor(i / 200) + 1}.${(i % 200) + 10}` });
    components.push(
      { id: `nginx-${i}`, label: `nginx-${i}`, kind: 'web-server', host, capacity: 5000, upstream: [`app-${i}`], static: ['/static/'], port: 80 },
      { id: `app-${i}`, label: `app-${i}`, kind: 'app-server', host, workers: 3, code: `code-${i}`, database: { writes: 'mysql-1', reads: [dbs[i % dbs.length] as string, 'mysql-1'] }, port: 8000 },
      { id: `code-${i}`, label: `code-${i}`, kind: 'code', host, capacity: 1e9 },
    );
  }
  dbs.forEach((id, j) => {
    hosts.push({ id: `db-${j + 1}`, label: `db-${j + 1}`, ip: `10.0.9.${j + 10}` });
    components.push({ id, label: id, kind: 'database', host: `db-${j + 1}`, capacity: 2000, role: j === 0 ? 'primary' : 'replica', ...(j === 0 ? {} : { replicates: 'mysql-1' }), port: 3306 });
  });
  return {
    id: 'generated', title: 'Generated', summary: '', domain: 'example.com',
    dns: [{ name: 'www.example.com', type: 'A', value: '10.0.0.1', ttl: 300 }],
    hosts, components,
    clusters: [
      { id: 'lb-cluster', kind: 'vip', members: ['haproxy-1', 'haproxy-2'], vip: '10.0.0.1', mode: 'active-passive' },
      { id: 'db', kind: 'replication', primary: 'mysql-1', replicas: dbs.slice(1), failover: 'automatic' },
    ],
    tour: [], issues: [],
  };
}

function cases(name: string, topology: Topology, targets: { trace?: number; spof?: number }): BenchCase[] {
  const baseline = () => ({ value: timeMedian(() => createSim(topology), 20), what: 'createSim' });
  // Fail the last host (when there is more than one) so the trace shows a rerouted request.
  const last = topology.hosts.length > 1 ? topology.hosts[topology.hosts.length - 1] : undefined;
  const start = createSim(topology);
  const ready = settle(last ? step(start, { type: 'fail', id: last.id }).state : start).state;
  const request = { kind: 'http', method: 'GET', path: '/' } as const;
  return [
    {
      name: `trace GET / on ${name}${last ? ` (${last.id} down)` : ''}`,
      run: () => ({ value: timeMedian(() => step(ready, { type: 'send', request }), 200), unit: 'ms', target: targets.trace, baseline: baseline() }),
    },
    {
      name: `spof analysis on ${name} (${topology.components.length} components)`,
      run: () => ({ value: timeMedian(() => analyzeSpof(topology), 3, 1), unit: 'ms', target: targets.spof, baseline: baseline() }),
    },
  ];
}

const suite: BenchSuite = {
  name: 'sim',
  cases: [
    ...['0', '1', '2', '3', '4'].flatMap((d) => cases(`design ${d}`, loadBuiltin(d), {})),
    ...cases('generated', generated(), { trace: 5, spof: 1000 }),
  ],
};

export default suite;
