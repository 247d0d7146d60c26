import type { TopologyFile } from './file-schema.js';
import type { FileIndex } from './file-index.js';
import { formatPath, type FilePath } from './positions.js';
import type { Problem } from './problems.js';
import { references, type Reference } from './references.js';
import { didYouMean } from './suggest.js';

/** `a web-server`, `an app-server`, `a code component`: a kind as a noun in a sentence. */
const article = (kind: string) => {
  const noun = kind === 'code' ? 'code component' : kind;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
};
const either = (kinds: readonly string[]) => kinds.map(article).join(' or ');

/** Ids defined more than once, across hosts, components and clusters (they share one namespace). */
function duplicateIds(file: TopologyFile, index: FileIndex): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const visit = (id: string, path: FilePath) => {
    if (seen.has(id)) {
      const first = index.ids.get(id);
      const where = first ? ` (first defined at ${formatPath(first.path)})` : '';
      problems.push({ path, message: `duplicate id "${id}"${where}; ids must be unique across hosts, components and clusters` });
    }
    seen.add(id);
  };
  (file.hosts ?? []).forEach((h, i) => visit(h.id, ['hosts', i, 'id']));
  file.components.forEach((c, i) => visit(c.id, ['components', i, 'id']));
  (file.clusters ?? []).forEach((c, i) => visit(c.id, ['clusters', i, 'id']));
  return problems;
}

/** A likely typo, else (when few) the ids that would fit. */
function hint(ref: Reference, fitting: readonly string[], index: FileIndex): string {
  const typo = didYouMean(ref.id, fitting.length > 0 ? fitting : index.components.keys());
  if (typo || fitting.length === 0 || fitting.length > 6 || !ref.kinds) return typo;
  return ` (${ref.kinds.join(' or ')} ids here: ${fitting.join(', ')})`;
}

/** What is wrong with one reference, if anything. */
function checkReference(ref: Reference, index: FileIndex): string | undefined {
  const found = index.ids.get(ref.id);
  if (ref.target === 'any') return found ? undefined : `no component or host "${ref.id}"${didYouMean(ref.id, index.ids.keys())}`;
  if (ref.target === 'host') {
    if (found?.sort === 'host') return undefined;
    const note = found ? `; "${ref.id}" is ${article(found.kind ?? found.sort)}, not a host` : didYouMean(ref.id, index.hostIds);
    return `no host "${ref.id}"${note}`;
  }
  if (found?.sort !== 'component') {
    const fitting = [...index.components.values()].filter((c) => ref.kinds?.includes(c.kind) ?? true).map((c) => c.id);
    return `no component "${ref.id}"${found ? `; "${ref.id}" is a ${found.sort}` : hint(ref, fitting, index)}`;
  }
  const kind = found.kind ?? '';
  if (ref.kinds && !ref.kinds.some((k) => k === kind)) {
    return `"${ref.id}" is ${article(kind)}; ${ref.role} must be ${either(ref.kinds)}`;
  }
  return undefined;
}

/** The same id twice in one list (`backends: [nginx-1, nginx-1]`). */
function repeats(refs: readonly Reference[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const ref of refs) {
    const list = formatPath(ref.path.slice(0, -1));
    if (typeof ref.path[ref.path.length - 1] !== 'number') continue;
    const key = `${list}\u0000${ref.id}`;
    if (seen.has(key)) problems.push({ path: ref.path, message: `"${ref.id}" is listed twice` });
    seen.add(key);
  }
  return problems;
}

/**
 * Duplicate ids, references to ids that do not exist (with the nearest id when it looks like a
 * typo), references to the wrong kind of thing, and ids repeated within one list.
 */
export function checkReferences(file: TopologyFile, index: FileIndex): Problem[] {
  const refs = references(file);
  const dangling = refs.flatMap((ref) => {
    const message = checkReference(ref, index);
    return message === undefined ? [] : [{ path: ref.path, message }];
  });
  return [...duplicateIds(file, index), ...dangling, ...repeats(refs)];
}
