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
import { sharedSpof } from './spof-worker.js';
import { outputWidth, topologyArg } from './shared-flags.js';

/** How long the analysis runs before it lets the event loop in (signals, the progress bar). */
const SLICE_MS = 50;
/** From this many failures on, the analysis is shared with another core (starting a worker costs about 0.1 s). */
const SHARED_FROM = 400;

/**
 * The rows, letting the event loop in every SLICE_MS: a progress bar on a terminal's stderr once
 * it lasts a second, and Ctrl-C or SIGTERM stop it. A big analysis is shared with a worker
 * thread on another core. Resolves to the rows, in order, or to the exit code (128 + the
 * signal) when stopped.
 */
async function rowsInSlices(topology: Topology, seed: number, io: Io): Promise<SpofRow[] | number> {
  const progress = startProgress(io.work, 'analysing failures');
  const total = spofCaseCount(topology);
  const shared = total >= SHARED_FROM ? sharedSpof(io.workerEntry, topology, seed) : null;
  const rows: SpofRow[] = [];
  // Alone, the failures in order; shared, the next run from the common counter.
  const alone = () => {
    if (rows.length >= total) return false;
    rows.push(...spofRowsFrom(topology, seed, rows.length, 1));
    return true;
  };
  const step = shared?.step ?? alone;
  const between = async () => {
    progress.update((shared?.done() ?? rows.length) / total);
    await yieldToLoop();
    return progress.cancelled();
  };
  try {
    let since = performance.now();
    while (step()) {
      if (performance.now() - since < SLICE_MS) continue;
      const stopped = await between();
      if (stopped !== undefined) return stopped;
      since = performance.now();
    }
    if (!shared) return rows;
    for (;;) {
      const all = await Promise.race([shared.finished, new Promise<null>((resolve) => setTimeout(resolve, SLICE_MS, null))]);
      if (all) return all;
      const stopped = await between();
      if (stopped !== undefined) return stopped;
    }
  } finally {
    progress.done();
    shared?.stop();
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
