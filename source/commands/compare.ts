/**
 * `infra-tui compare [--json]`: the built-in designs side by side (servers, SPOFs, HTTPS,
 * firewalls, monitoring, max QPS, deploy downtime), every figure computed by the engine. A SPOF
 * is a failure that alone is an outage; write loss, partial and degraded impacts are counted apart.
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
    property('SPOFs (outage)', (s) => String(s.spofs.length)),
    property('lose writes', (s) => String(s.writeLoss.length)),
    property('partial', (s) => String(s.partial.length)),
    property('degraded', (s) => String(s.degraded.length)),
  ];
}

/** The single failures of one impact, named under the table, one paragraph per design: too long for a column. */
function impactLines(list: readonly DesignSummary[], width: number, ids: (s: DesignSummary) => readonly string[], none: string): string[] {
  const label = Math.max(...list.map((s) => s.id.length)) + 2;
  return list.flatMap((s) => {
    const text = ids(s).length === 0 ? none : ids(s).join(', ');
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
  const lines = [
    ...table(header, rows(list), width),
    '',
    'single points of failure (alone, their failure is an outage):',
    ...impactLines(list, width, (s) => s.spofs, 'none: the site survives any one failure'),
    '',
    'writes lost (reads still work) or some requests failing, once settled:',
    ...impactLines(list, width, (s) => [...s.writeLoss.map((id) => `${id} (writes)`), ...s.partial.map((id) => `${id} (partial)`)], 'none'),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
