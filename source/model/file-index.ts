import type { ComponentFile, TopologyFile } from './file-schema.js';
import type { FilePath } from './positions.js';

/** What an id names in a file, and where it is first defined. */
interface Definition {
  readonly sort: 'component' | 'host' | 'cluster';
  readonly path: FilePath;
  /** The component's or cluster's kind; undefined for a host. */
  readonly kind?: string;
}

/** The ids a file defines (first definition wins), and its components by id. */
export interface FileIndex {
  readonly ids: ReadonlyMap<string, Definition>;
  readonly components: ReadonlyMap<string, ComponentFile>;
  readonly hostIds: readonly string[];
}

/** Indexes the ids of a schema-valid file. */
export function indexFile(file: TopologyFile): FileIndex {
  const ids = new Map<string, Definition>();
  const define = (id: string, definition: Definition) => {
    if (!ids.has(id)) ids.set(id, definition);
  };
  (file.hosts ?? []).forEach((h, i) => define(h.id, { sort: 'host', path: ['hosts', i, 'id'] }));
  file.components.forEach((c, i) => define(c.id, { sort: 'component', path: ['components', i, 'id'], kind: c.kind }));
  (file.clusters ?? []).forEach((c, i) => define(c.id, { sort: 'cluster', path: ['clusters', i, 'id'], kind: c.kind }));
  const components = new Map<string, ComponentFile>();
  for (const c of file.components) if (!components.has(c.id)) components.set(c.id, c);
  return { ids, components, hostIds: (file.hosts ?? []).map((h) => h.id) };
}
