/**
 * The designs side by side, every figure computed: servers, single points of failure (from the
 * SPOF analysis), HTTPS, firewalls, monitoring, the highest load the capacity model sustains, and
 * whether deploying new code costs downtime (an app server whose restart is an outage).
 */
import type { Topology } from '../model/types.js';
import { capacityReport, defaultMix } from './capacity.js';
import { createSim } from './engine.js';
import { analyzeSpof } from './spof.js';
import type { SpofRow } from './types.js';

export interface DesignSummary {
  readonly id: string;
  readonly title: string;
  readonly servers: number;
  /** Components and hosts whose failure is an outage, loses writes, or keeps failing some requests. */
  readonly spofs: readonly string[];
  /** Where HTTPS terminates, or null for plain HTTP. */
  readonly https: string | null;
  readonly firewalls: number;
  /** Hosts with a monitoring agent. */
  readonly monitoredHosts: number;
  /** Requests/s (default mix) before the bottleneck saturates, and which component it is. */
  readonly maxQps: number;
  readonly bottleneck: string | null;
  readonly deployDowntime: boolean;
}

const isSpof = (r: SpofRow) => r.impact === 'outage' || r.impact === 'writes' || r.impact === 'partial';

/** The summary of one design. Deterministic. */
export function summarize(topology: Topology, options: { seed?: number } = {}): DesignSummary {
  const rows = analyzeSpof(topology, options);
  const capacity = capacityReport(topology, createSim(topology, options), { qps: 1000, mix: defaultMix });
  const apps = new Set(topology.components.filter((c) => c.kind === 'app-server').map((c) => c.id));
  const tls = topology.components.filter((c) => c.kind === 'load-balancer' && c.tls !== undefined).map((c) => c.id);
  const agents = new Set(topology.components.filter((c) => c.kind === 'monitoring-agent').map((c) => c.host));
  return {
    id: topology.id,
    title: topology.title,
    servers: topology.hosts.length,
    spofs: rows.filter(isSpof).map((r) => r.id),
    https: tls.length > 0 ? tls.join(', ') : null,
    firewalls: topology.components.filter((c) => c.kind === 'firewall').length,
    monitoredHosts: [...agents].filter((h) => h !== undefined).length,
    maxQps: Math.floor(capacity.maxQps),
    bottleneck: capacity.bottleneck?.id ?? null,
    deployDowntime: rows.some((r) => apps.has(r.id) && r.impact === 'outage'),
  };
}
