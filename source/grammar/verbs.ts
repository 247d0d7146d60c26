import type { TrafficInput } from '../sim/index.js';
import { failureModes, parseFailure } from './failure.js';
import { InputError } from './input-error.js';
import { parseMix } from './mix.js';
import { parseName, type NameKind, type Names } from './names.js';
import { parseRate } from './rate.js';

/**
 * A verb that changes the running system, typed the same way after `:` in the app and in a
 * scripted action (`--at "5s fail server-1"`): its form for help, how its words parse into an
 * engine input, and what Tab offers for each word.
 */
export interface Verb {
  /** The form, argument names in angle brackets: `fail <id>`. */
  readonly form: string;
  /** The words after the verb → the engine input; throws an InputError. */
  readonly parse: (words: readonly string[], names: Names) => TrafficInput;
  /** Candidates for word `index` (0-based) after the verb, given the words before it. */
  readonly complete: (index: number, before: readonly string[], names: Names) => readonly string[];
}

/** Exactly `count` words, or the verb's usage line. */
function words(form: string, list: readonly string[], count: number): readonly string[] {
  if (list.length !== count) throw new InputError(`usage: ${form}`);
  return list;
}

const first = (pool: (n: Names) => readonly string[]) => (index: number, _: readonly string[], names: Names) => (index === 0 ? pool(names) : []);
const none = () => [];

/** A verb that takes one part of the kind `kind` and becomes the engine input `{ type, id }`. */
function onePart(type: 'hang' | 'promote', kind: Extract<NameKind, 'hangable' | 'databases'>): Verb {
  const form = `${type} <id>`;
  return {
    form,
    parse: (list, names) => ({ type, id: parseName(words(form, list, 1)[0], names, kind) }),
    complete: first((n) => n[kind]),
  };
}

export const verbs = {
  fail: {
    form: 'fail <id>',
    parse: (list, names) => {
      const f = parseFailure(words('fail <id>', list, 1)[0] ?? '', names);
      return { type: failureModes[f.mode].input, id: f.id };
    },
    complete: first((n) => n.ids),
  },
  hang: onePart('hang', 'hangable'),
  heal: {
    form: 'heal <id>|all',
    parse: (list, names) => {
      const [id] = words('heal <id>|all', list, 1);
      return id === 'all' ? { type: 'heal-all' } : { type: 'heal', id: parseName(id, names, 'ids') };
    },
    complete: first((n) => ['all', ...n.ids]),
  },
  promote: onePart('promote', 'databases'),
  maint: {
    form: 'maint <lb> <server> on|off',
    parse: (list, names) => {
      const [lb, server, state] = words('maint <lb> <server> on|off', list, 3);
      const servers = names.backends[parseName(lb, names, 'lbs')] ?? [];
      if (server === undefined || !servers.includes(server)) throw new InputError(`${server} is not a server of ${lb} (its servers: ${servers.join(', ')})`);
      if (state !== 'on' && state !== 'off') throw new InputError('usage: maint <lb> <server> on|off');
      return { type: 'maintenance', lb: lb as string, server, on: state === 'on' };
    },
    complete: (index, before, names) => [Object.keys(names.backends), names.backends[before[0] ?? ''] ?? [], ['on', 'off']][index] ?? [],
  },
  deploy: {
    form: 'deploy',
    parse: (list) => (words('deploy', list, 0), { type: 'deploy' }),
    complete: none,
  },
  qps: {
    form: 'qps <n>',
    parse: (list) => ({ type: 'qps', qps: parseRate(words('qps <n>', list, 1)[0] ?? '') }),
    complete: none,
  },
  mix: {
    form: 'mix <s>:<r>:<w>',
    parse: (list) => ({ type: 'mix', mix: parseMix(words('mix <s>:<r>:<w>, e.g. mix 30:50:20', list, 1)[0] ?? '') }),
    complete: none,
  },
} as const satisfies Record<string, Verb>;
export type VerbName = keyof typeof verbs;

/** Whether a word is one of the verbs. */
export function isVerb(word: string): word is VerbName {
  return Object.hasOwn(verbs, word);
}
