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
import { groupByImpact, spofCaseCount, spofRowsFrom, spofSliceRows } from './spof.js';
import type { SpofRow } from './types.js';


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


/** A design's summary while it is worked out a part at a time (see `summaryStep`); undefined: not yet. */
export interface SummaryWork {
  readonly rows: readonly SpofRow[];
  readonly capacity?: { readonly maxQps: number; readonly bottleneck: string | null };
  readonly deploy?: DeployFigure | null;
  readonly loadBalancerFailover?: FailoverFigure | null;
}

/** Nothing worked out yet. */
export const summaryStart: SummaryWork = { rows: [] };

/**
 * One part more of a design's summary: a slice of its SPOF analysis, then its capacity, then
 * each traffic run (a deploy, the active load balancer's machine dying, the primary database
 * dying), the last of which completes it. Each part is a fraction of a second's work on the
 * built-ins, so a screen can do one per turn. Deterministic, like `summarize`.
 */
export function summaryStep(topology: Topology, seed: number, work: SummaryWork): { readonly work: SummaryWork } | { readonly summary: DesignSummary } {
  if (work.rows.length < spofCaseCount(topology)) return { work: { ...work, rows: [...work.rows, ...spofRowsFrom(topology, seed, work.rows.length, spofSliceRows(topology))] } };
  if (!work.capacity) {
    const capacity = capacityReport(topology, createSim(topology, { seed }), { qps: 1000, mix: DEFAULT_MIX });
    return { work: { ...work, capacity: { maxQps: capacity.maxQps, bottleneck: capacity.bottleneck?.id ?? null } } };
  }
  const runQps = figureQps(work.capacity.maxQps);
  const hasApps = topology.components.some((c) => c.kind === 'app-server');
  if (work.deploy === undefined) return { work: { ...work, deploy: hasApps ? deployFigure(topology, runQps, seed) : null } };
  const lbHost = activeLoadBalancerHost(topology);
  if (work.loadBalancerFailover === undefined) return { work: { ...work, loadBalancerFailover: lbHost === null ? null : failoverFigure(topology, lbHost, runQps, seed) } };
  const primary = primaryDatabase(topology);
  return { summary: assemble(topology, work, work.capacity, runQps, primary === null ? null : failoverFigure(topology, primary, runQps, seed)) };
}

/** What the next part of a summary is, for a screen showing progress: `a SPOF analysis (40 of 120 failures)`. */
export function summaryNextPart(topology: Topology, work: SummaryWork): string {
  const total = spofCaseCount(topology);
  if (work.rows.length < total) return `a SPOF analysis (${work.rows.length} of ${total} failures)`;
  if (!work.capacity) return 'its capacity';
  if (work.deploy === undefined) return 'a deploy, run as traffic';
  if (work.loadBalancerFailover === undefined) return "the active load balancer's machine dying, run as traffic";
  return 'the primary database dying, run as traffic';
}

function assemble(topology: Topology, work: SummaryWork, capacity: NonNullable<SummaryWork['capacity']>, runQps: number, primaryFailover: FailoverFigure | null): DesignSummary {
  const groups = groupByImpact(work.rows);
  const apps = new Set(topology.components.filter((c) => c.kind === 'app-server').map((c) => c.id));
  const tls = topology.components.filter((c) => c.kind === 'load-balancer' && c.tls !== undefined).map((c) => c.id);
  const agents = new Set(topology.components.filter((c) => c.kind === 'monitoring-agent').map((c) => c.host));
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
    bottleneck: capacity.bottleneck,
    deployDowntime: work.rows.some((r) => apps.has(r.id) && r.impact === 'outage'),
    runQps,
    deploy: work.deploy ?? null,
    loadBalancerFailover: work.loadBalancerFailover ?? null,
    primaryFailover,
  };
}

/** The summary of one design, all parts at once. Deterministic: the same topology and seed give the same figures. */
export function summarize(topology: Topology, options: { seed?: number } = {}): DesignSummary {
  const seed = options.seed ?? 1;
  let work = summaryStart;
  for (;;) {
    const next = summaryStep(topology, seed, work);
    if ('summary' in next) return next.summary;
    work = next.work;
  }
}
