/**
 * Flag values as the commands read them: each goes through the one input grammar
 * (`source/grammar/`), so a value typed here is accepted, refused and explained exactly as the
 * same value typed after `:` in the app. A refusal becomes a UsageError naming the flag.
 */
import { parseDuration, type DurationBounds } from '../grammar/duration.js';
import { parseFailureList, type FailureSpec } from '../grammar/failure.js';
import { InputError } from '../grammar/input-error.js';
import { namesOf } from '../grammar/names.js';
import { parseCount as parseCountText } from '../grammar/rate.js';
import { parseRequest } from '../grammar/request.js';
import { loadTopology } from '../model/load-topology.js';
import type { Topology } from '../model/types.js';
import { clientOsNames, defaultClientOs, type ClientOs, type Request } from '../sim/index.js';
import { UsageError, type CommandContext } from './context.js';

/** Runs a grammar parser; its InputError becomes a UsageError after `prefix` (`--after: `). */
export function asUsage<T>(parse: () => T, prefix = ''): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${prefix}${error.message}`);
    throw error;
  }
}

/** The width readable output wraps to: `--width`, else the terminal's, else 100. */
export function outputWidth(context: CommandContext): number {
  return context.flags.width ?? context.io.columns ?? 100;
}

/** The topology named by the first argument, or a usage error naming the command. */
export async function topologyArg(context: CommandContext, command: string): Promise<Topology> {
  const [arg, ...extra] = context.args;
  if (arg === undefined) throw new UsageError(`${command} needs a topology: infra-tui ${command} <number|id|file.yaml>`);
  if (extra.length > 0) throw new UsageError(`${command} takes one topology, not also "${extra.join(' ')}"`);
  return loadTopology(arg, context.io.cwd);
}

/** `--after 1s` in ms within `bounds`; undefined when absent. */
export function parseDurationFlag(flag: string, text: string | undefined, bounds: DurationBounds): number | undefined {
  return text === undefined ? undefined : asUsage(() => parseDuration(text, bounds), `--${flag}: `);
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

/** `--count N`, 1 when absent. */
export function parseCount(count: string | undefined): number {
  return count === undefined ? 1 : asUsage(() => parseCountText(count), '--count: ');
}

/** The items of `--fail id,id:hang`, each checked against the topology, duplicates dropped. */
export function parseFailures(text: string | undefined, topology: Topology): FailureSpec[] {
  return text === undefined ? [] : asUsage(() => parseFailureList(text, namesOf(topology)), '--fail: ');
}
