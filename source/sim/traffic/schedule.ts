/**
 * Scripted actions of a headless run, as typed: `5s fail server-1`, `8s hang app-1`, `20s deploy`,
 * `30s heal all`, `40s promote mysql-2`, `50s qps 500`, `55s mix 10:60:30`. Parsing checks ids
 * against the topology, so a typo fails before anything runs.
 */
import { canFail, kindsThatCan } from '../../model/kinds.js';
import type { Topology } from '../../model/types.js';
import { topologyIndex } from '../topology-index.js';
import type { Ms } from '../types.js';
import { parseMix } from './mix.js';
import type { TrafficInput } from './types.js';

export interface ScheduledAction {
  readonly at: Ms;
  readonly input: TrafficInput;
  /** The action as typed, without its time: `fail server-1`. */
  readonly text: string;
}

const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const FORM = 'expected "<time> <action>", e.g. "5s fail server-1"; actions: fail <id>, hang <id>, heal <id>|all, deploy, promote <id>, qps <n>, mix <s:r:w>';

/** `500ms`, `5s`, `1.5m`, `1h` → ms; throws a one-line Error otherwise. */
export function parseDuration(text: string, what: string): Ms {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`bad ${what} "${text}": expected a duration with a unit, e.g. 500ms, 5s, 2m or 1h`);
  return Math.round(Number(m[1]) * units[m[2] as keyof typeof units]);
}

/** Parses a rate: a non-negative number of requests per second, at most 1,000,000. */
export function parseQps(text: string, what: string): number {
  const n = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(n) || n > 1_000_000) throw new Error(`bad ${what} "${text}": expected requests per second from 0 to 1000000`);
  return n;
}

function knownId(topology: Topology, id: string | undefined, spec: string): string {
  const failable = topologyIndex(topology).failable;
  if (id === undefined || id === '') throw new Error(`bad --at "${spec}": ${FORM}`);
  if (!failable.includes(id)) throw new Error(`bad --at "${spec}": unknown component or host "${id}" in ${topology.id} (known: ${failable.join(', ')})`);
  return id;
}

function parseInput(topology: Topology, words: readonly string[], spec: string): TrafficInput {
  const [verb, arg, extra] = words;
  if (extra !== undefined) throw new Error(`bad --at "${spec}": ${FORM}`);
  switch (verb) {
    case 'fail':
      return { type: 'fail', id: knownId(topology, arg, spec) };
    case 'hang': {
      const id = knownId(topology, arg, spec);
      const kind = topologyIndex(topology).component(id)?.kind;
      if (!canFail(kind, 'hung')) throw new Error(`bad --at "${spec}": ${id} cannot hang: only ${kindsThatCan('hung')} can`);
      return { type: 'hang', id };
    }
    case 'heal':
      return arg === 'all' ? { type: 'heal-all' } : { type: 'heal', id: knownId(topology, arg, spec) };
    case 'promote':
      return { type: 'promote', id: knownId(topology, arg, spec) };
    case 'deploy':
      if (arg !== undefined) break;
      return { type: 'deploy' };
    case 'qps':
      return { type: 'qps', qps: parseQps(arg ?? '', '--at qps') };
    case 'mix':
      return { type: 'mix', mix: parseMix(arg ?? '') };
  }
  throw new Error(`bad --at "${spec}": ${FORM}`);
}

/** Parses one `--at` value against `topology`; throws a one-line Error naming the right form. */
export function parseAction(topology: Topology, spec: string): ScheduledAction {
  const words = spec.trim().split(/\s+/);
  const [time, ...rest] = words;
  if (time === undefined || rest.length === 0) throw new Error(`bad --at "${spec}": ${FORM}`);
  const at = parseDuration(time, '--at time');
  return { at, input: parseInput(topology, rest, spec), text: rest.join(' ') };
}
