import { loadTopology } from '../model/load-topology.js';
import type { Topology } from '../model/types.js';
import { DEFAULT_MIX, formatSummary, SIMULATE_SCHEMA_VERSION, parseAction, parseDuration, parseMix, parseQps, runSimulation, type SimulationOptions } from '../sim/index.js';
import { UsageError, type Command, type Flags } from './context.js';
import { asUsage } from './shared-flags.js';

const USAGE = 'usage: infra-tui simulate <topology> --qps N --duration D [--mix s:r:w] [--at "5s fail server-1" ...] [--json] [--seed N]';
/** Longest run allowed: a day of virtual time. */
const MAX_DURATION = 86_400_000;

/** Indented JSON with arrays of numbers kept on one line, so a long timeline stays readable. */
function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.]+(?:,\s+-?[\d.]+)*)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`);
}

function options(topology: Topology, flags: Flags): SimulationOptions {
  const qps = flags.qps ?? 100;
  asUsage(() => parseQps(String(qps), '--qps'));
  const durationMs = flags.duration === undefined ? 60_000 : asUsage(() => parseDuration(flags.duration ?? '', '--duration'));
  if (durationMs <= 0 || durationMs > MAX_DURATION) throw new UsageError(`bad --duration "${flags.duration}": from 1ms to 24h`);
  const mix = flags.mix === undefined ? DEFAULT_MIX : asUsage(() => parseMix(flags.mix ?? ''));
  const actions = flags.at.map((spec) => asUsage(() => parseAction(topology, spec)));
  const late = actions.find((a) => a.at >= durationMs);
  if (late) throw new UsageError(`bad --at "${late.text}" at ${late.at} ms: the run ends at ${durationMs} ms (--duration)`);
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
