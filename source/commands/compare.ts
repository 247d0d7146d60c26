/**
 * `infra-tui compare [--json]`: the built-in designs side by side (servers, SPOFs, HTTPS,
 * firewalls, monitoring, max QPS, deploy downtime), every figure computed by the engine.
 */
import { builtins, loadBuiltin } from '../model/load-builtins.js';
import { type DesignSummary, summarize, table, wrap } from '../sim/index.js';
import type { Command } from './context.js';
import { outputWidth } from './shared-flags.js';

/** One row per property, one column per design: five designs fit 80 columns side by side. */
function rows(list: readonly DesignSummary[]): string[][] {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const https = (s: DesignSummary) => (s.https === null ? 'no' : s.https.includes(',') ? 'at the LBs' : 'at the LB');
  const property = (name: string, value: (s: DesignSummary) => string) => [name, ...list.map(value)];
  return [
    property('servers', (s) => String(s.servers)),
    property('https', https),
    property('firewalls', (s) => String(s.firewalls)),
    property('monitoring', (s) => (s.monitoredHosts === 0 ? 'none' : `${s.monitoredHosts}/${s.servers} hosts`)),
    property('max qps', (s) => String(s.maxQps)),
    property('bottleneck', (s) => s.bottleneck ?? '-'),
    property('deploy downtime', (s) => yes(s.deployDowntime)),
    property('SPOFs', (s) => String(s.spofs.length)),
  ];
}

/** The SPOF names under the table, one paragraph per design: too long for a column. */
function spofLines(list: readonly DesignSummary[], width: number): string[] {
  const label = Math.max(...list.map((s) => s.id.length)) + 2;
  return list.flatMap((s) => {
    const text = s.spofs.length === 0 ? 'none: any one failure is survived' : s.spofs.join(', ');
    return wrap(text, Math.max(20, width - label)).map((part, i) => `${i === 0 ? `${s.id}:`.padEnd(label) : ' '.repeat(label)}${part}`);
  });
}

export const compareCommand: Command = (context) => {
  const { flags, io } = context;
  const list = builtins().map((b) => summarize(loadBuiltin(b.id), { seed: flags.seed ?? 1 }));
  if (flags.json) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const header = ['', ...list.map((s) => s.id)];
  const width = outputWidth(context);
  const lines = [...table(header, rows(list), width), '', 'single points of failure (outage, writes or partial when they fail alone):', ...spofLines(list, width)];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
