/**
 * The designs side by side, every figure computed: servers, single points of failure (failures
 * that alone are an outage, from the SPOF analysis) kept apart from those that lose the writes,
 * keep failing some requests or only cost capacity, HTTPS, firewalls, monitoring, the highest
 * load the capacity model sustains, whether deploying new code costs downtime (an app server
 * whose restart is an outage), and from traffic runs: the requests a deploy fails and the
 * failover gaps when the active load balancer's machine or the primary database dies.
 */
import type { Topology } from '../model/types.js';
import { capacityReport } from './capacity.js';
import { DEFAULT_MIX } from './traffic/timings.js';
import { createSim } from './engine.js';
import { activeLoadBalancerHost, deployFigure, failoverFigure, figureQps, primaryDatabase, type DeployFigure, type FailoverFigure } from './compare-runs.js';
import { analyzeSpof, groupByImpact } from './spof.js';


export interface DesignSummary {
  readonly id: string;
  readonly title: string;
  readonly servers: number;
  /** Single points of failure: components and hosts whose failure alone is an outage. */
  readonly spofs: readonly string[];
  /** Components and hosts whose failure alone loses the writes (reads still work). */
  readonly writeLoss: readonly string[];
  /** Components and hosts whose failure alone keeps failing some requests after the system settled. */
  readonly partial: readonly string[];
  /** Components and hosts whose failure costs capacity or a failover gap, nothing once settled. */
  readonly degraded: readonly string[];
  /** Where HTTPS terminates, or null for plain HTTP. */
  readonly https: string | null;
  readonly firewalls: number;
  /** Hosts with a monitoring agent. */
  readonly monitoredHosts: number;
  /** Requests/s (default mix) before the bottleneck saturates, and which component it is. */
  readonly maxQps: number;
  readonly bottleneck: string | null;
  readonly deployDowntime: boolean;
  /** The load the traffic runs below offered (requests/s): one the design sustains. */
  readonly runQps: number;
  /** A deploy of new code under that load (null without an app server). */
  readonly deploy: DeployFigure | null;
  /** The machine of the active load balancer dying (null without a load balancer). */
  readonly loadBalancerFailover: FailoverFigure | null;
  /** The primary database dying (null without a database). */
  readonly primaryFailover: FailoverFigure | null;
}


/** The summary of one design. Deterministic: the same topology and seed give the same figures. */
export function summarize(topology: Topology, options: { seed?: number } = {}): DesignSummary {
  const seed = options.seed ?? 1;
  const rows = analyzeSpof(topology, options);
  const groups = groupByImpact(rows);
  const capacity = capacityReport(topology, createSim(topology, options), { qps: 1000, mix: DEFAULT_MIX });
  const apps = new Set(topology.components.filter((c) => c.kind === 'app-server').map((c) => c.id));
  const tls = topology.components.filter((c) => c.kind === 'load-balancer' && c.tls !== undefined).map((c) => c.id);
  const agents = new Set(topology.components.filter((c) => c.kind === 'monitoring-agent').map((c) => c.host));
  const runQps = figureQps(capacity.maxQps);
  const lbHost = activeLoadBalancerHost(topology);
  const primary = primaryDatabase(topology);
  return {
    id: topology.id,
    title: topology.title,
    servers: topology.hosts.length,
    spofs: groups.outage,
    writeLoss: groups.writes,
    partial: groups.partial,
    degraded: groups.degraded,
    https: tls.length > 0 ? tls.join(', ') : null,
    firewalls: topology.components.filter((c) => c.kind === 'firewall').length,
    monitoredHosts: [...agents].filter((h) => h !== undefined).length,
    maxQps: Math.floor(capacity.maxQps),
    bottleneck: capacity.bottleneck?.id ?? null,
    deployDowntime: rows.some((r) => apps.has(r.id) && r.impact === 'outage'),
    runQps,
    deploy: apps.size > 0 ? deployFigure(topology, runQps, seed) : null,
    loadBalancerFailover: lbHost === null ? null : failoverFigure(topology, lbHost, runQps, seed),
    primaryFailover: primary === null ? null : failoverFigure(topology, primary, runQps, seed),
  };
}
