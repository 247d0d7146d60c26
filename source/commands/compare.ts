/**
 * `infra-tui compare [--json]`: the built-in designs side by side (servers, SPOFs, HTTPS,
 * firewalls, monitoring, max QPS, deploy downtime), every figure computed by the engine.
 */
import { builtins, loadBuiltin } from '../model/load-builtins.js';
import { summarize, type DesignSummary } from '../sim/compare.js';
import { table } from '../sim/format-text.js';
import type { Command } from './context.js';
import { outputWidth } from './shared-flags.js';

function rows(list: readonly DesignSummary[]): string[][] {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return list.map((s) => [
    s.id,
    String(s.servers),
    s.https === null ? 'no' : `at ${s.https}`,
    String(s.firewalls),
    s.monitoredHosts === 0 ? 'none' : `${s.monitoredHosts}/${s.servers} hosts`,
    `${s.maxQps} (${s.bottleneck ?? '-'})`,
    yes(s.deployDowntime),
    s.spofs.length === 0 ? 'none' : `${s.spofs.length}: ${s.spofs.join(', ')}`,
  ]);
}

export const compareCommand: Command = (context) => {
  const { flags, io } = context;
  const list = builtins().map((b) => summarize(loadBuiltin(b.id), { seed: flags.seed ?? 1 }));
  if (flags.json) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const header = ['design', 'servers', 'https', 'firewalls', 'monitoring', 'max qps (bottleneck)', 'deploy downtime', 'single points of failure'];
  io.stdout(`${table(header, rows(list), outputWidth(context)).join('\n')}\n`);
  return 0;
};
