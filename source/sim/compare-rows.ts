/**
 * The comparison as rows of text, one per figure, one cell per design: what `infra-tui compare`
 * prints and what the app's compare screen shows, from the one list here.
 */
import type { DesignSummary } from './compare.js';
import type { FailoverFigure } from './compare-runs.js';
import { runSetup } from './compare-runs.js';
import { formatMs } from './format-text.js';

/** The figures a row can stand for: the app maps each to the scenario that shows it. */
export type CompareFigure = 'servers' | 'https' | 'firewalls' | 'monitoring' | 'capacity' | 'deploy' | 'spof' | 'writes' | 'partial' | 'degraded' | 'lb-failover' | 'db-failover';

interface CompareRow {
  readonly figure: CompareFigure;
  readonly label: string;
  readonly cells: readonly string[];
}

const https = (s: DesignSummary) => (s.https === null ? 'no' : s.https.includes(',') ? 'at the LBs' : 'at the LB');
const monitoring = (s: DesignSummary) => (s.monitoredHosts === 0 ? 'none' : `${s.monitoredHosts}/${s.servers} hosts`);
/** How long requests fail: `never` when the system does not recover on its own, `-` when there is nothing to die. */
const gap = (f: FailoverFigure | null) => (f === null ? '-' : f.recoveredAfterMs === null ? 'never' : formatMs(f.recoveredAfterMs));
const failed = (f: { readonly failed: number } | null) => (f === null ? '-' : String(f.failed));

/** Every row: label, the figure it shows, its cell for a design. Short cells: five designs fit 80 columns. */
const rowSpecs: readonly { readonly figure: CompareFigure; readonly label: string; readonly cell: (s: DesignSummary) => string }[] = [
  { figure: 'servers', label: 'servers', cell: (s) => String(s.servers) },
  { figure: 'https', label: 'https', cell: https },
  { figure: 'firewalls', label: 'firewalls', cell: (s) => String(s.firewalls) },
  { figure: 'monitoring', label: 'monitoring', cell: monitoring },
  { figure: 'capacity', label: 'max qps', cell: (s) => String(s.maxQps) },
  { figure: 'capacity', label: 'bottleneck', cell: (s) => s.bottleneck ?? '-' },
  { figure: 'deploy', label: 'deploy downtime', cell: (s) => (s.deployDowntime ? 'yes' : 'no') },
  { figure: 'deploy', label: 'failed in deploy', cell: (s) => failed(s.deploy) },
  { figure: 'spof', label: 'SPOFs (outage)', cell: (s) => String(s.spofs.length) },
  { figure: 'writes', label: 'lose writes', cell: (s) => String(s.writeLoss.length) },
  { figure: 'partial', label: 'partial', cell: (s) => String(s.partial.length) },
  { figure: 'degraded', label: 'degraded', cell: (s) => String(s.degraded.length) },
  { figure: 'lb-failover', label: 'LB dies: gap', cell: (s) => gap(s.loadBalancerFailover) },
  { figure: 'lb-failover', label: 'LB dies: failed', cell: (s) => failed(s.loadBalancerFailover) },
  { figure: 'db-failover', label: 'DB dies: gap', cell: (s) => gap(s.primaryFailover) },
  { figure: 'db-failover', label: 'DB dies: failed', cell: (s) => failed(s.primaryFailover) },
];

/** The rows for `list`, in the order above; a design whose figures are not known yet (null) gets `...`. */
export function compareRows(list: readonly (DesignSummary | null)[]): CompareRow[] {
  return rowSpecs.map((r) => ({ figure: r.figure, label: r.label, cells: list.map((s) => (s ? r.cell(s) : '...')) }));
}

/** The heading of the run notes. */
export const runNotesTitle = `a deploy and the failovers, each run as traffic (${runSetup}; gap: until the system recovered on its own):`;

/**
 * What the runs behind the last rows did, one sentence per design: the load, the deploy's
 * strategy, and what took over when the load balancer's machine and the primary died.
 */
export function runNotes(s: DesignSummary): string {
  const deploy = s.deploy === null ? 'no app server to deploy' : `deploy (${s.deploy.strategy}): ${s.deploy.failed} failed`;
  const death = (what: string, f: FailoverFigure | null) =>
    f === null ? `no ${what}` : `${f.id} dies: ${f.failed} failed, ${f.recoveredAfterMs === null ? 'no recovery until someone acts' : f.how === '' ? 'nothing to recover' : f.how}`;
  return `at ${s.runQps} requests/s, ${deploy}; ${death('load balancer', s.loadBalancerFailover)}; ${death('database', s.primaryFailover)}`;
}
