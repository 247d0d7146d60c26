/**
 * Flag parsing shared by the simulation commands (trace, spof, compare, simulate): each helper
 * turns what was typed into a checked value, or throws a one-line UsageError that names the flag
 * and shows the right form.
 */
import { durationMs } from '../model/defaults.js';
import { canFail, kindsThatCan } from '../model/kinds.js';
import { loadTopology } from '../model/load-topology.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/types.js';
import { clientOsNames, defaultClientOs, parseRequest, type ClientOs, type Request, topologyIndex } from '../sim/index.js';
import { UsageError, type CommandContext } from './context.js';

/** Runs a parser that throws a one-line Error; rethrows it as a UsageError, after `prefix`. */
export function asUsage<T>(parse: () => T, prefix = ''): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${prefix}${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The width readable output wraps to: `--width`, else the terminal's, else 100. */
export function outputWidth(context: CommandContext): number {
  return context.flags.width ?? context.io.columns ?? 100;
}

/** The topology named by the first argument, or a usage error naming the command. */
export async function topologyArg(context: CommandContext, command: string): Promise<Topology> {
  const arg = context.args[0];
  if (arg === undefined) throw new UsageError(`${command} needs a topology: infra-tui ${command} <number|id|file.yaml>`);
  return loadTopology(arg, context.io.cwd);
}

/** `--after 1s` in ms; undefined when absent. */
export function parseDurationFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    return durationMs(text.trim());
  } catch {
    throw new UsageError(`--${flag}: "${text}" is not a duration; write a number and a unit, e.g. 500ms, 1s or 2m`);
  }
}

/** `--request "POST /signup"`, `GET /` by default. */
export function parseRequestFlag(text: string | undefined): Request {
  return asUsage(() => parseRequest(text ?? 'GET /'), '--request: ');
}

/** `--client linux|windows`, Linux by default. */
export function parseClientFlag(text: string | undefined): ClientOs {
  if (text === undefined) return defaultClientOs;
  const name = clientOsNames.find((n) => n === text.trim().toLowerCase());
  if (name === undefined) throw new UsageError(`--client: "${text}" is not a client; use ${clientOsNames.join(' or ')}`);
  return name;
}

/** `--count N`: a whole number from 1 to 1000. */
export function parseCount(count: number | undefined): number {
  if (count === undefined) return 1;
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new UsageError(`--count must be a whole number from 1 to 1000, not ${count}`);
  return count;
}

/** One item of `--fail`: a component or host that is down, or an app server or database that hangs. */
export interface FailureFlag {
  readonly id: string;
  readonly mode: 'down' | 'hang';
}

function checkFailure(item: string, topology: Topology): FailureFlag {
  const [id = '', mode, extra] = item.split(':');
  if (extra !== undefined || (mode !== undefined && mode !== 'hang')) {
    throw new UsageError(`--fail: "${item}" is not an id or id:hang (hang: an app server or database that stops answering)`);
  }
  const index = topologyIndex(topology);
  const valid = index.failable;
  if (!valid.includes(id)) {
    const list = valid.length > 12 ? `${valid.slice(0, 12).join(', ')}, ...` : valid.join(', ');
    throw new UsageError(`--fail: no component or host "${id}" in ${topology.id}${didYouMean(id, valid)} (valid: ${list})`);
  }
  if (mode === undefined) return { id, mode: 'down' };
  const kind = index.component(id)?.kind;
  if (!canFail(kind, 'hung')) throw new UsageError(`--fail: ${id} cannot hang: only ${kindsThatCan('hung')} can (--fail ${id} takes it down)`);
  return { id, mode: 'hang' };
}

/**
 * The items of `--fail id,id:hang`, each checked against the topology, duplicates dropped.
 * `id:hang` leaves an app server or database up and accepting connections, but silent.
 */
export function parseFailures(text: string | undefined, topology: Topology): FailureFlag[] {
  if (text === undefined) return [];
  const out: FailureFlag[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const f = checkFailure(item, topology);
    const seen = out.find((o) => o.id === f.id);
    if (seen && seen.mode !== f.mode) throw new UsageError(`--fail: ${f.id} cannot be both down and hung`);
    if (!seen) out.push(f);
  }
  return out;
}
