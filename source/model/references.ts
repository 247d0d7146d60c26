import { kindSpecs, type KindSpec } from './kinds.js';
import type { ComponentKind } from './types.js';
import type { TopologyFile } from './file-schema.js';
import type { FilePath } from './positions.js';

/** One id that a file uses to point at something it should define. */
export interface Reference {
  /** The id of the component or cluster that holds the reference (undefined for tour/issue focus). */
  readonly from: string | undefined;
  /** The file key holding it (`backends`, `upstream`, `host`, …). */
  readonly field: string;
  readonly path: FilePath;
  readonly id: string;
  /** What the id must name. */
  readonly target: 'host' | 'component' | 'any';
  /** For a component target: the kinds accepted. */
  readonly kinds?: readonly ComponentKind[];
  /** How the field is called in a sentence, e.g. "a backend". */
  readonly role: string;
}

type Spec = Omit<Reference, 'from' | 'path' | 'id' | 'field'>;

/** Collects the references of one owner at `base`, one field at a time. */
function collector(out: Reference[], from: string | undefined, base: FilePath) {
  const one = (field: FilePath, id: string | undefined, spec: Spec) => {
    if (id !== undefined) out.push({ from, field: String(field[field.length - 1]), path: [...base, ...field], id, ...spec });
  };
  const many = (field: FilePath, ids: readonly string[] | undefined, spec: Spec) => {
    (ids ?? []).forEach((id, k) => out.push({ from, field: String(field[field.length - 1]), path: [...base, ...field, k], id, ...spec }));
  };
  return { one, many };
}

const host: Spec = { target: 'host', role: 'host' };
const component = (kinds: readonly ComponentKind[], role: string): Spec => ({ target: 'component', kinds, role });

/** The references a component makes, by its kind's fields. */
function componentReferences(out: Reference[], c: TopologyFile['components'][number], index: number): void {
  const { one, many } = collector(out, c.id, ['components', index]);
  one(['host'], c.host, host);
  // The fields requests pass on through, as the kind table lists them (the file may leave one out).
  const file = c as unknown as Readonly<Record<string, readonly string[] | undefined>>;
  for (const f of (kindSpecs[c.kind] as KindSpec).forwards) many([f.field], file[f.field], component(f.to, f.role));
  switch (c.kind) {
    case 'firewall':
      one(['protects'], c.protects, { target: 'host', role: 'protects' });
      (c.rules ?? []).forEach((rule, j) => {
        const spec: Spec = { target: 'host', role: 'a rule source' };
        // `from: lb-1` names one host at the key itself; `from: [lb-1, lb-2]` is a list.
        if (Array.isArray(rule.from)) many(['rules', j, 'from'], rule.from, spec);
        else if (rule.from !== 'any') one(['rules', j, 'from'], rule.from, spec);
      });
      break;
    case 'app-server':
      one(['code'], c.code, component(['code'], 'code'));
      one(['database', 'writes'], c.database?.writes, component(['database'], 'writes'));
      many(['database', 'reads'], c.database?.reads, component(['database'], 'reads'));
      break;
    case 'database':
      one(['replicates'], c.replicates, component(['database'], 'replicates'));
      break;
    case 'monitoring-agent':
      one(['ships-to'], c['ships-to'], component(['monitoring-service'], 'ships-to'));
      break;
    default:
      break;
  }
}

/** Every reference in a schema-valid file, in file order. */
export function references(file: TopologyFile): Reference[] {
  const out: Reference[] = [];
  file.components.forEach((c, i) => componentReferences(out, c, i));
  (file.clusters ?? []).forEach((c, i) => {
    const { one, many } = collector(out, c.id, ['clusters', i]);
    if (c.kind === 'vip') {
      many(['members'], c.members, component(['load-balancer'], 'a member'));
    } else {
      one(['primary'], c.primary, component(['database'], 'primary'));
      many(['replicas'], c.replicas, component(['database'], 'a replica'));
    }
  });
  for (const section of ['tour', 'issues'] as const) {
    (file[section] ?? []).forEach((note, i) => collector(out, undefined, [section, i]).many(['focus'], note.focus, { target: 'any', role: 'focus' }));
  }
  return out;
}
