import { formatDuration, parseDuration } from '../grammar/duration.js';
import { limits } from '../grammar/limits.js';
import { parseMix } from '../grammar/mix.js';
import { namesOf } from '../grammar/names.js';
import { parseRate } from '../grammar/rate.js';
import { parseScheduledAction } from '../grammar/scheduled-action.js';
import { loadTopology } from '../model/load-topology.js';
import type { Topology } from '../model/types.js';
import { continueSimulation, DEFAULT_MIX, finishSimulation, formatSummary, SIMULATE_SCHEMA_VERSION, simulationProgress, simulationWork, startSimulation, type SimulationOptions, type SimulationSummary } from '../sim/index.js';
import { UsageError, type Command, type Flags, type Io } from './context.js';
import { startProgress, yieldToLoop } from './progress.js';
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

/** The most work between two looks at the clock and the signals: about a quarter of a second. */
const SLICE_WORK = 40_000;

/** The work of one second of the run. */
const perSecond = (topology: Topology, options: SimulationOptions) => simulationWork(topology, { durationMs: 1000, ...(options.tickMs ? { tickMs: options.tickMs } : {}) });

/** Refuses a run that would do more work than `limits.simulationWork`, saying the longest this topology allows. */
function checkWork(topology: Topology, options: SimulationOptions): void {
  const work = simulationWork(topology, options);
  if (work <= limits.simulationWork) return;
  const seconds = Math.floor(limits.simulationWork / perSecond(topology, options));
  const n = topology.components.length;
  throw new UsageError(
    `--duration ${formatDuration(options.durationMs)}: too much work for ${n} components (${work.toLocaleString('en-US')} units, ticks × components; a run may do ${limits.simulationWork.toLocaleString('en-US')}): at most ${formatDuration(seconds * 1000)} here`,
  );
}

/**
 * Runs the simulation a slice at a time, letting the event loop in between: a progress bar on
 * a terminal's stderr once it lasts a second, and Ctrl-C or SIGTERM stop it (the exit code
 * then says which signal). Resolves to the summary, or to the exit code when stopped.
 */
async function runInSlices(topology: Topology, options: SimulationOptions, io: Io): Promise<SimulationSummary | number> {
  const progress = startProgress(io.work, 'simulating');
  const sliceMs = Math.max(1, Math.floor(SLICE_WORK / perSecond(topology, options))) * 1000;
  try {
    let run = startSimulation(topology, options);
    while (!run.done) {
      run = continueSimulation(run, sliceMs);
      progress.update(simulationProgress(run));
      await yieldToLoop();
      const stopped = progress.cancelled();
      if (stopped !== undefined) return stopped;
    }
    return finishSimulation(run);
  } finally {
    progress.done();
  }
}

/**
 * `simulate <topology>`: runs traffic on the virtual clock and prints a summary (text, or JSON
 * with --json). Exit 0; bad flags or ids, or a run over the work limit, are usage errors (exit 2);
 * stopped by Ctrl-C or SIGTERM, 128 + the signal, with nothing printed.
 */
export const simulateCommand: Command = async ({ args, flags, io }) => {
  const [arg, extra] = args;
  if (arg === undefined || extra !== undefined) throw new UsageError(USAGE);
  const topology = await loadTopology(arg, io.cwd);
  const opts = options(topology, flags);
  checkWork(topology, opts);
  const summary = await runInSlices(topology, opts, io);
  if (typeof summary === 'number') return summary;
  io.stdout(flags.json ? `${toJson({ schemaVersion: SIMULATE_SCHEMA_VERSION, ...summary })}\n` : formatSummary(summary, { ascii: flags.ascii }));
  return 0;
};
