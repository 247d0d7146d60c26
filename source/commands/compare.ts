/**
 * `infra-tui compare [topology...] [--json]`: designs side by side (servers, SPOFs, HTTPS,
 * firewalls, monitoring, max QPS, a deploy's failed requests, failover gaps), every figure
 * computed by the engine. Without an argument, the built-in designs; otherwise the numbers, ids
 * and files given, in that order. A SPOF is a failure that alone is an outage; write loss,
 * partial and degraded impacts are counted apart.
 */
import { builtins, loadBuiltin } from '../model/load-builtins.js';
import { loadTopology } from '../model/load-topology.js';
import type { Topology } from '../model/types.js';
import { compareRows, type DesignSummary, runNotes, runNotesTitle, summarize, table, wrap } from '../sim/index.js';
import type { Command } from './context.js';
import { outputWidth } from './shared-flags.js';

/** A paragraph per design under the table, its id as the label: too long for a column. */
function perDesign(list: readonly DesignSummary[], width: number, text: (s: DesignSummary) => string): string[] {
  const label = Math.max(...list.map((s) => s.id.length)) + 2;
  return list.flatMap((s) => wrap(text(s), Math.max(20, width - label)).map((part, i) => `${i === 0 ? `${s.id}:`.padEnd(label) : ' '.repeat(label)}${part}`));
}

const listed = (ids: readonly string[], none: string) => (ids.length === 0 ? none : ids.join(', '));

/** The topologies to compare: those named (files read, in order), or every built-in. */
async function topologies(args: readonly string[], cwd: string): Promise<Topology[]> {
  if (args.length === 0) return builtins().map((b) => loadBuiltin(b.id));
  const out: Topology[] = [];
  for (const arg of args) out.push(await loadTopology(arg, cwd));
  return out;
}

export const compareCommand: Command = async (context) => {
  const { args, flags, io } = context;
  const list = (await topologies(args, io.cwd)).map((t) => summarize(t, { seed: flags.seed ?? 1 }));
  if (flags.json) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = outputWidth(context);
  const lines = [
    ...table(['', ...list.map((s) => s.id)], compareRows(list).map((r) => [r.label, ...r.cells]), width),
    '',
    'single points of failure (alone, their failure is an outage):',
    ...perDesign(list, width, (s) => listed(s.spofs, 'none: the site survives any one failure')),
    '',
    'writes lost (reads still work) or some requests failing, once settled:',
    ...perDesign(list, width, (s) => listed([...s.writeLoss.map((id) => `${id} (writes)`), ...s.partial.map((id) => `${id} (partial)`)], 'none')),
    '',
    ...wrap(runNotesTitle, width),
    ...perDesign(list, width, runNotes),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
