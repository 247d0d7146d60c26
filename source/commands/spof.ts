/**
 * `infra-tui spof <topology> [--json] [--seed N]`: what each single failure does to the site,
 * computed by the engine (fail it alone, settle, replay). A table id | kind | impact | why and a
 * summary per impact (a SPOF is an outage; lost writes, partial and degraded are kept apart), or
 * the rows as JSON. Stopped by Ctrl-C or SIGTERM: 128 + the signal, with nothing printed.
 */
import type { Topology } from '../model/types.js';
import { impactSummary, spofCaseCount, spofRowsFrom, table, wrap, type SpofRow } from '../sim/index.js';
import type { Command, Io } from './context.js';
import { startProgress, yieldToLoop } from './progress.js';
import { outputWidth, topologyArg } from './shared-flags.js';

/** How long the analysis runs before it lets the event loop in (signals, the progress bar). */
const SLICE_MS = 50;

/**
 * The rows, a failure at a time, letting the event loop in every SLICE_MS: a progress bar on a
 * terminal's stderr once it lasts a second, and Ctrl-C or SIGTERM stop it. Resolves to the rows,
 * or to the exit code (128 + the signal) when stopped.
 */
async function rowsInSlices(topology: Topology, seed: number, io: Io): Promise<SpofRow[] | number> {
  const progress = startProgress(io.work, 'analysing failures');
  const total = spofCaseCount(topology);
  const rows: SpofRow[] = [];
  try {
    let since = performance.now();
    while (rows.length < total) {
      rows.push(...spofRowsFrom(topology, seed, rows.length, 1));
      if (performance.now() - since < SLICE_MS) continue;
      progress.update(rows.length / total);
      await yieldToLoop();
      const stopped = progress.cancelled();
      if (stopped !== undefined) return stopped;
      since = performance.now();
    }
    return rows;
  } finally {
    progress.done();
  }
}

export const spofCommand: Command = async (context) => {
  const { flags, io } = context;
  const topology = await topologyArg(context, 'spof');
  const rows = await rowsInSlices(topology, flags.seed ?? 1, io);
  if (typeof rows === 'number') return rows;
  if (flags.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines = table(['id', 'kind', 'impact', 'why'], rows.map((r) => [r.id, r.kind, r.impact, r.why]), outputWidth(context));
  const summary = impactSummary(rows).flatMap((l) => wrap(l, outputWidth(context)));
  io.stdout(`${topology.title} (${topology.id}): single failures, each replayed until settled\n\n${lines.join('\n')}\n\n${summary.join('\n')}\n`);
  return 0;
};
