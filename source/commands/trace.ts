/**
 * `infra-tui trace <topology> [--request R] [--fail ids] [--after D] [--count N] [--json] [--seed N]`:
 * fails the given components or hosts, lets the system settle (or waits `--after`), sends the
 * request and prints every hop: an aligned table by default, the traces as JSON with `--json`.
 * The flag parsers here are shared with the other simulation commands.
 */
import { durationMs } from '../model/defaults.js';
import { loadTopology } from '../model/load-topology.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/types.js';
import { createSim, settle, step } from '../sim/engine.js';
import { formatTrace } from '../sim/format-trace.js';
import { parseRequest } from '../sim/request.js';
import { topologyIndex } from '../sim/topology-index.js';
import type { Request, SimEvent, SimState, Trace } from '../sim/types.js';
import { UsageError, type Command, type CommandContext } from './context.js';

/** The ids of `--fail id,id`, each checked against the topology's components and hosts. */
export function parseFailIds(text: string | undefined, topology: Topology): string[] {
  if (text === undefined) return [];
  const valid = topologyIndex(topology).failable;
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!valid.includes(id)) {
      const list = valid.length > 12 ? `${valid.slice(0, 12).join(', ')}, ...` : valid.join(', ');
      throw new UsageError(`--fail: no component or host "${id}" in ${topology.id}${didYouMean(id, valid)} (valid: ${list})`);
    }
  }
  return [...new Set(ids)];
}

/** `--after 1s` in ms; undefined when absent. */
export function parseDuration(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    return durationMs(text.trim());
  } catch {
    throw new UsageError(`--${flag}: "${text}" is not a duration; write a number and a unit, e.g. 500ms, 1s or 2m`);
  }
}

/** `--request "POST /signup"`, `GET /` by default. */
export function parseRequestFlag(text: string | undefined): Request {
  try {
    return parseRequest(text ?? 'GET /');
  } catch (error) {
    throw new UsageError(`--request: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--count N`: a whole number from 1 to 1000. */
export function parseCount(count: number | undefined): number {
  if (count === undefined) return 1;
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new UsageError(`--count must be a whole number from 1 to 1000, not ${count}`);
  return count;
}

/** The width readable output wraps to: `--width`, else the terminal's, else 100. */
export function outputWidth(context: CommandContext): number {
  return context.flags.width ?? context.io.columns ?? 100;
}

/** The topology named by the first argument, or a usage error naming the command. */
export function topologyArg(context: CommandContext, command: string): Topology {
  const arg = context.args[0];
  if (arg === undefined) throw new UsageError(`${command} needs a topology: infra-tui ${command} <number|id|file.yaml>`);
  return loadTopology(arg, context.io.cwd);
}

/** Fails `ids` at time 0, then settles or advances `after` ms; returns the state and what happened. */
function prepare(topology: Topology, ids: readonly string[], after: number | undefined, seed: number | undefined): { state: SimState; before: SimEvent[] } {
  let state = createSim(topology, { seed: seed ?? 1 });
  const before: SimEvent[] = [];
  for (const id of ids) {
    const r = step(state, { type: 'fail', id });
    state = r.state;
    before.push(...r.events);
  }
  const r = after === undefined ? settle(state) : step(state, { type: 'advance', ms: after });
  before.push(...r.events);
  return { state: r.state, before };
}

export const traceCommand: Command = (context) => {
  const { flags, io } = context;
  const topology = topologyArg(context, 'trace');
  const request = parseRequestFlag(flags.request);
  const failed = parseFailIds(flags.fail, topology);
  const after = parseDuration('after', flags.after);
  const count = parseCount(flags.count);
  const prepared = prepare(topology, failed, after, flags.seed);
  let state = prepared.state;
  const before = prepared.before;
  const sent: { trace: Trace; logs: readonly SimEvent[] }[] = [];
  for (let i = 0; i < count; i++) {
    const r = step(state, { type: 'send', request });
    state = r.state;
    if (r.trace) sent.push({ trace: r.trace, logs: r.events });
  }
  if (flags.json) {
    const traces = sent.map((s) => s.trace);
    io.stdout(`${JSON.stringify(flags.count === undefined ? traces[0] : traces, null, 2)}\n`);
    return 0;
  }
  const format = { width: outputWidth(context), ascii: flags.ascii };
  const reports = sent.map(({ trace, logs }, i) => {
    const report = { topology, trace, failed, after: after ?? null, before: i === 0 ? before : [], logs };
    return formatTrace(report, format);
  });
  io.stdout(reports.join('\n'));
  return 0;
};
