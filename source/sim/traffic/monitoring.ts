/**
 * What the monitoring service sees. Only hosts with an agent report, and an agent reports only
 * while it, its host and the service are up and its data can leave the host (a failed firewall
 * drops its outbound HTTPS too). It ships the web server's access-log rate (QPS) and error rate;
 * silence longer than NO_DATA_ALERT_MS raises a "no data" alert. A design without agents sees
 * nothing at all, and the view says why.
 */
import { kindSpecs } from '../../model/kinds.js';
import type { MonitoringAgent } from '../../model/types.js';
import { isDown } from '../engine.js';
import { topologyIndex } from '../topology-index.js';
import type { Ms, SimState } from '../types.js';
import type { LineDraft } from './access-log.js';
import { NO_DATA_ALERT_MS } from './timings.js';
import type { MonitorHostState, SecondBucket, TrafficState } from './types.js';

function agents(sim: SimState): MonitoringAgent[] {
  return sim.topology.components.filter((c): c is MonitoringAgent => c.kind === 'monitoring-agent' && c.host !== undefined);
}

/** Whether `agent` gets its data to the service now, and if not, why. */
function agentReach(sim: SimState, agent: MonitoringAgent): { ok: boolean; why: string } {
  const host = agent.host ?? '';
  if (isDown(sim, host)) return { ok: false, why: `${host} is down` };
  if (isDown(sim, agent.id)) return { ok: false, why: `${agent.id} is down` };
  if (isDown(sim, agent.shipsTo)) return { ok: false, why: `${agent.shipsTo} is down` };
  const fw = topologyIndex(sim.topology).firewallsOf(host).find((f) => isDown(sim, f.id));
  if (fw) return { ok: false, why: `${fw.id} is down and drops its outbound HTTPS` };
  return { ok: true, why: 'reporting' };
}

/** The monitor when traffic starts: the system has been running, so every agent reported just now. */
export function initialMonitor(sim: SimState): Record<string, MonitorHostState> {
  const out: Record<string, MonitorHostState> = {};
  for (const agent of agents(sim)) out[agent.host ?? ''] = { lastReportAt: sim.now, alerting: false };
  return out;
}

/** Updates every agent's last report at `sim.now`; returns the alerts raised or cleared. */
export function updateMonitor(sim: SimState, monitor: Readonly<Record<string, MonitorHostState>>): { monitor: Record<string, MonitorHostState>; lines: LineDraft[] } {
  const out: Record<string, MonitorHostState> = { ...monitor };
  const lines: LineDraft[] = [];
  for (const agent of agents(sim)) {
    const host = agent.host ?? '';
    const prev = monitor[host] ?? { lastReportAt: sim.now, alerting: false };
    const reach = agentReach(sim, agent);
    if (reach.ok) {
      if (prev.alerting) lines.push({ source: agent.shipsTo, stream: 'monitoring', level: 'info', template: `[RESOLVED] ${host}: data from ${agent.id} again`, count: 1 });
      out[host] = { lastReportAt: sim.now, alerting: false };
      continue;
    }
    const silentFor = sim.now - (prev.lastReportAt ?? sim.now);
    if (!prev.alerting && silentFor >= NO_DATA_ALERT_MS) {
      lines.push({ source: agent.shipsTo, stream: 'monitoring', level: 'error', template: `[ALERT] No data: nothing from ${agent.id} on ${host} for ${Math.round(silentFor / 1000)} s`, count: 1 });
      out[host] = { ...prev, alerting: true };
    } else out[host] = prev;
  }
  return { monitor: out, lines };
}

export interface MonitorRow {
  readonly host: string;
  readonly agent: string;
  /** `ok`: data arrives; `late`: nothing lately, no alert yet; `no data`: the alert fired. */
  readonly status: 'ok' | 'late' | 'no data';
  /** Requests per second the host's web server or load balancer logged in the last full second (null without data or without one). */
  readonly qps: number | null;
  /** Share of those requests answered with an error. */
  readonly errorRate: number | null;
  readonly lastReportAt: Ms | null;
}

export interface MonitorView {
  readonly service: string | null;
  /** Why the view is empty, when it is. */
  readonly reason: string | null;
  readonly rows: readonly MonitorRow[];
}

function rates(sim: SimState, host: string, bucket: SecondBucket | undefined): { qps: number | null; errorRate: number | null } {
  const logged = topologyIndex(sim.topology).onHost(host).filter((c) => kindSpecs[c.kind].panels.includes('traffic'));
  if (logged.length === 0 || !bucket) return { qps: null, errorRate: null };
  const qps = logged.reduce((s, c) => s + (bucket.requests[c.id] ?? 0), 0);
  const errors = logged.reduce((s, c) => s + (bucket.errors[c.id] ?? 0), 0);
  return { qps: Math.round(qps), errorRate: qps > 0 ? errors / qps : 0 };
}

/** The monitoring service's view of the traffic state. */
export function monitorView(ts: TrafficState): MonitorView {
  const list = agents(ts.sim);
  if (list.length === 0) {
    return { service: null, reason: 'No monitoring: no host runs an agent, so nothing ships access logs or metrics anywhere. Nobody sees the QPS, the errors or a dead server until users complain.', rows: [] };
  }
  const last = ts.window[ts.window.length - 2];
  const rows = list.map((agent): MonitorRow => {
    const host = agent.host ?? '';
    const m = ts.monitor[host] ?? { lastReportAt: null, alerting: false };
    const ok = agentReach(ts.sim, agent).ok;
    const status = ok ? 'ok' : m.alerting ? 'no data' : 'late';
    return { host, agent: agent.id, status, ...(ok ? rates(ts.sim, host, last) : { qps: null, errorRate: null }), lastReportAt: m.lastReportAt };
  });
  return { service: list[0]?.shipsTo ?? null, reason: null, rows };
}
