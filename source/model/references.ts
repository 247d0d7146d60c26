import type { ComponentKind } from './types.js';
import type { TopologyFile } from './file-schema.js';
import type { FilePath } from './positions.js';

/** One id that a file uses to point at something it should define. */
export interface Reference {
  readonly path: FilePath;
  readonly id: string;
  /** What the id must name. */
  readonly target: 'host' | 'component' | 'any';
  /** For a component target: the kinds accepted. */
  readonly kinds?: readonly ComponentKind[];
  /** How the pointing field is called in messages, e.g. "a backend". */
  readonly role: string;
}

const each = (path: FilePath, ids: readonly string[] | undefined, make: (path: FilePath, id: string) => Reference) =>
  (ids ?? []).map((id, k) => make([...path, k], id));

/** The references a component makes, by its kind's fields. */
function componentReferences(c: TopologyFile['components'][number], path: FilePath): Reference[] {
  const at = (key: string): FilePath => [...path, key];
  const host = c.host === undefined ? [] : [{ path: at('host'), id: c.host, target: 'host' as const, role: 'host' }];
  switch (c.kind) {
    case 'firewall':
      return [
        ...host,
        { path: at('protects'), id: c.protects, target: 'host', role: 'protects' },
        ...(c.rules ?? []).flatMap((rule, j) => {
          const from = [...path, 'rules', j, 'from'];
          if (rule.from === undefined || rule.from === 'any') return [];
          if (typeof rule.from === 'string') return [{ path: from, id: rule.from, target: 'host' as const, role: 'a rule source' }];
          return each(from, rule.from, (p, id) => ({ path: p, id, target: 'host', role: 'a rule source' }));
        }),
      ];
    case 'load-balancer':
      return [...host, ...each(at('backends'), c.backends, (p, id) => ({ path: p, id, target: 'component', kinds: ['web-server', 'app-server'], role: 'a backend' }))];
    case 'web-server':
      return [...host, ...each(at('upstream'), c.upstream, (p, id) => ({ path: p, id, target: 'component', kinds: ['app-server'], role: 'an upstream' }))];
    case 'app-server': {
      const db: FilePath = [...path, 'database'];
      const writes = c.database?.writes;
      return [
        ...host,
        ...(c.code === undefined ? [] : [{ path: at('code'), id: c.code, target: 'component' as const, kinds: ['code' as const], role: 'code' }]),
        ...(writes === undefined ? [] : [{ path: [...db, 'writes'], id: writes, target: 'component' as const, kinds: ['database' as const], role: 'writes' }]),
        ...each([...db, 'reads'], c.database?.reads, (p, id) => ({ path: p, id, target: 'component', kinds: ['database'], role: 'reads' })),
      ];
    }
    case 'database':
      return [...host, ...(c.replicates === undefined ? [] : [{ path: at('replicates'), id: c.replicates, target: 'component' as const, kinds: ['database' as const], role: 'replicates' }])];
    case 'monitoring-agent':
      return [...host, { path: at('ships-to'), id: c['ships-to'], target: 'component', kinds: ['monitoring-service'], role: 'ships-to' }];
    default:
      return host;
  }
}

/** Every reference in a schema-valid file, in file order. */
export function references(file: TopologyFile): Reference[] {
  const out = file.components.flatMap((c, i) => componentReferences(c, ['components', i]));
  (file.clusters ?? []).forEach((c, i) => {
    const path: FilePath = ['clusters', i];
    if (c.kind === 'vip') {
      out.push(...each([...path, 'members'], c.members, (p, id) => ({ path: p, id, target: 'component', kinds: ['load-balancer'], role: 'a member' })));
    } else {
      out.push({ path: [...path, 'primary'], id: c.primary, target: 'component', kinds: ['database'], role: 'primary' });
      out.push(...each([...path, 'replicas'], c.replicas, (p, id) => ({ path: p, id, target: 'component', kinds: ['database'], role: 'a replica' })));
    }
  });
  for (const section of ['tour', 'issues'] as const) {
    (file[section] ?? []).forEach((n, i) => {
      out.push(...each([section, i, 'focus'], n.focus, (p, id) => ({ path: p, id, target: 'any', role: 'focus' })));
    });
  }
  return out;
}
