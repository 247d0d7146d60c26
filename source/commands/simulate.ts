import { formatDuration, parseDuration } from '../grammar/duration.js';
import { limits } from '../grammar/limits.js';
import { parseMix } from '../grammar/mix.js';
import { namesOf } from '../grammar/names.js';
import { parseRate } from '../grammar/rate.js';
import { parseScheduledAction } from '../grammar/scheduled-action.js';
import { loadTopology } from '../model/load-topology.js';
import type { Topology } from '../model/types.js';
import { DEFAULT_MIX, formatSummary, SIMULATE_SCHEMA_VERSION, runSimulation, type SimulationOptions } from '../sim/index.js';
import { UsageError, type Command, type Flags } from './context.js';
import { asUsage } from './shared-flags.js';

const USAGE = 'usage: infra-tui simulate <topology> --qps N --duration D [--mix s:r:w] [--at "5s fail server-1" ...] [--json] [--seed N]';

/** Indented JSON with arrays of numbers kept on one line, so a long timeline stays readable. */
function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.]+(?:,\s+-?[\d.]+)*)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`);
}

function options(topology: Topology, flags: Flags): SimulationOptions {
  const qps = flags.qps === undefined ? 100 : asUsage(() => parseRate(flags.qps ?? ''), '--qps: ');
  const durationMs = flags.duration === undefined ? 60_000 : asUsage(() => parseDuration(flags.duration ?? '', { min: 1, max: limits.runMs }), '--duration: ');
  const mix = flags.mix === undefined ? DEFAULT_MIX : asUsage(() => parseMix(flags.mix ?? ''), '--mix: ');
  const names = namesOf(topology);
  const actions = flags.at.map((spec) => {
    const action = asUsage(() => parseScheduledAction(spec, names), `--at "${spec}": `);
    if (action.at >= durationMs) throw new UsageError(`--at "${spec}": the run ends at ${formatDuration(durationMs)} (--duration)`);
    return action;
  });
  const seed = flags.seed ?? 1;
  if (!Number.isInteger(seed)) throw new UsageError(`bad --seed ${seed}: expected a whole number`);
  return { qps, durationMs, mix, actions, seed };
}

/**
 * `simulate <topology>`: runs traffic on the virtual clock and prints a summary (text, or JSON
 * with --json). Exit 0; bad flags or ids are usage errors (exit 2).
 */
export const simulateCommand: Command = async ({ args, flags, io }) => {
  const [arg, extra] = args;
  if (arg === undefined || extra !== undefined) throw new UsageError(USAGE);
  const topology = await loadTopology(arg, io.cwd);
  const summary = runSimulation(topology, options(topology, flags));
  io.stdout(flags.json ? `${toJson({ schemaVersion: SIMULATE_SCHEMA_VERSION, ...summary })}\n` : formatSummary(summary, { ascii: flags.ascii }));
  return 0;
};
