import { MAX_QPS, parseMix } from '../../sim/index.js';
import type { Speed } from '../state/app-state.js';
import type { CommandLineContext, ParseResult } from './parse-command-line.js';

/** The command-line words of traffic mode. */
export const trafficWords = ['traffic', 'qps', 'mix', 'speed', 'deploy', 'monitor', 'log', 'wire'] as const;
export type TrafficWord = (typeof trafficWords)[number];

/** What `speed` accepts, as typed. */
export const speedWords: Readonly<Record<string, Speed>> = { pause: 0, '1x': 1, '10x': 10, '100x': 100 };

const fail = (message: string): ParseResult => ({ ok: false, message });

/** Parses the arguments of a traffic command; every mistake is a one-line message. */
export function parseTrafficCommand(word: TrafficWord, words: readonly string[], context: CommandLineContext): ParseResult {
  const [first, second, extra] = words;
  switch (word) {
    case 'traffic':
      return (first === 'on' || first === 'off') && second === undefined ? { ok: true, invocation: { command: 'traffic', to: first } } : fail('usage: traffic on|off');
    case 'qps': {
      const qps = /^\d+$/.test(first ?? '') && second === undefined ? Number(first) : NaN;
      if (Number.isNaN(qps) || qps > MAX_QPS) return fail(`qps needs a whole number of requests per second from 0 to ${MAX_QPS}, not "${words.join(' ')}"`);
      return { ok: true, invocation: { command: 'qps', qps } };
    }
    case 'mix':
      if (first === undefined || second !== undefined) return fail('usage: mix <static>:<read>:<write>, e.g. mix 30:50:20');
      try {
        return { ok: true, invocation: { command: 'mix', mix: parseMix(first) } };
      } catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
      }
    case 'speed': {
      const speed = first === undefined || second !== undefined ? undefined : speedWords[first.toLowerCase()];
      return speed === undefined ? fail(`usage: speed ${Object.keys(speedWords).join('|')}`) : { ok: true, invocation: { command: 'speed', speed } };
    }
    case 'deploy':
    case 'monitor':
      return words.length > 0 ? fail(`${word} takes no argument`) : { ok: true, invocation: { command: word } };
    case 'log':
      return { ok: true, invocation: { command: 'log', filter: words.join(' ') } };
    case 'wire':
      return parseWire(first, second, extra, context);
  }
}

function parseWire(from: string | undefined, to: string | undefined, extra: string | undefined, context: CommandLineContext): ParseResult {
  if (from === undefined || to === undefined || extra !== undefined) return fail('usage: wire <from> <to>, two ids next to each other on the path (Tab completes)');
  if (context.ids.length === 0) return fail('open a design first (goto 1), then watch one of its hops');
  const unknown = [from, to].find((id) => !context.ids.includes(id));
  return unknown ? fail(`no component "${unknown}" in this design (Tab completes ids)`) : { ok: true, invocation: { command: 'wire', from, to } };
}
