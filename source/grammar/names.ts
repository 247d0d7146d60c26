import { canFail, kindsThatCan } from '../model/kinds.js';
import { lookup } from '../model/lookup.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/types.js';
import { InputError } from './input-error.js';

/** The names a person can type for one design, each list in the order Tab offers it. */
export interface Names {
  /** The design's id, as messages name it. */
  readonly design: string;
  /** Components and hosts: those on no host (browser, DNS), then each host followed by its components. */
  readonly ids: readonly string[];
  /** The parts whose kind can hang (app servers and databases). */
  readonly hangable: readonly string[];
  /** Databases: the only parts `promote` takes. */
  readonly databases: readonly string[];
  /** Each load balancer's servers (for `maint`). */
  readonly backends: Readonly<Record<string, readonly string[]>>;
}

const cache = new WeakMap<Topology, Names>();

/** The names of a design (memoized: the `:` line asks on every key). */
export function namesOf(topology: Topology): Names {
  const hit = cache.get(topology);
  if (hit) return hit;
  const look = lookup(topology);
  const loose = topology.components.filter((c) => c.host === undefined || !look.host(c.host)).map((c) => c.id);
  const names: Names = {
    design: topology.id,
    ids: [...loose, ...topology.hosts.flatMap((h) => [h.id, ...look.onHost(h.id).map((c) => c.id)])],
    hangable: topology.components.filter((c) => canFail(c.kind, 'hung')).map((c) => c.id),
    databases: look.ofKind('database').map((d) => d.id),
    backends: Object.fromEntries(look.ofKind('load-balancer').map((lb) => [lb.id, lb.backends])),
  };
  cache.set(topology, names);
  return names;
}

/** What each kind of name is called in a refusal. */
const what = {
  ids: 'component or host',
  hangable: 'app server or database',
  databases: 'database',
  lbs: 'load balancer',
} as const;
export type NameKind = keyof typeof what;

function pool(names: Names, kind: NameKind): readonly string[] {
  return kind === 'lbs' ? Object.keys(names.backends) : names[kind];
}

/**
 * `word` if it names a `kind` of `names`, else an InputError naming the design, with the
 * nearest name when it looks like a typo.
 */
export function parseName(word: string | undefined, names: Names, kind: NameKind): string {
  const known = pool(names, kind);
  if (word === undefined || word === '') throw new InputError(`name a ${what[kind]} of ${names.design}`);
  if (known.includes(word)) return word;
  if (kind === 'hangable' && names.ids.includes(word)) throw new InputError(`${word} cannot hang: only ${kindsThatCan('hung')} can`);
  throw new InputError(`no ${what[kind]} "${word}" in ${names.design}${didYouMean(word, known)}`);
}
