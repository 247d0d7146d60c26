/**
 * `infra-tui spof <topology> [--json] [--seed N]`: what each single failure does to the site,
 * computed by the engine (fail it alone, settle, replay). A table id | kind | impact | why and a
 * summary per impact (a SPOF is an outage; lost writes, partial and degraded are kept apart), or
 * the rows as JSON.
 */
import { analyzeSpof, impactSummary, table, wrap } from '../sim/index.js';
import type { Command } from './context.js';
import { outputWidth, topologyArg } from './shared-flags.js';

export const spofCommand: Command = async (context) => {
  const { flags, io } = context;
  const topology = await topologyArg(context, 'spof');
  const rows = analyzeSpof(topology, { seed: flags.seed ?? 1 });
  if (flags.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines = table(['id', 'kind', 'impact', 'why'], rows.map((r) => [r.id, r.kind, r.impact, r.why]), outputWidth(context));
  const summary = impactSummary(rows).flatMap((l) => wrap(l, outputWidth(context)));
  io.stdout(`${topology.title} (${topology.id}): single failures, each replayed until settled\n\n${lines.join('\n')}\n\n${summary.join('\n')}\n`);
  return 0;
};
