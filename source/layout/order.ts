import type { FlowEdge } from './flow-graph.js';
import type { Unit } from './group-hosts.js';

/** Every component id a unit draws (host members, gates, group members). */
function unitMembers(unit: Unit): readonly string[] {
  switch (unit.kind) {
    case 'free':
      return [unit.id];
    case 'host':
      return [...unit.gates, ...unit.columns.flat()];
    case 'group':
      return unit.members.flatMap(unitMembers);
  }
}

/** For each unit (by index in `all`), the units its incoming links come from, in flow order. */
function sources(all: readonly Unit[], flow: readonly FlowEdge[]): ReadonlyMap<number, readonly number[]> {
  const unitOf = new Map<string, number>();
  all.forEach((u, i) => unitMembers(u).forEach((id) => unitOf.set(id, i)));
  const into = new Map<number, number[]>();
  for (const e of flow) {
    const u = unitOf.get(e.to);
    const v = unitOf.get(e.from);
    if (u === undefined || v === undefined || u === v) continue;
    const list = into.get(u);
    if (list) list.push(v);
    else into.set(u, [v]);
  }
  return into;
}

/**
 * Orders the units of each column to reduce crossings: one left-to-right barycenter sweep (each
 * unit goes where the units that link to it sit in earlier columns). Units with nothing to go by
 * keep their relative order; in the first column DNS goes before the clients it serves.
 * Guaranteed: a permutation of each column; deterministic. O(units + links + each column's sort):
 * every link is looked at once.
 */
export function orderUnits(
  ranks: readonly (readonly Unit[])[],
  flow: readonly FlowEdge[],
  kindOf: (id: string) => string | undefined,
): Unit[][] {
  const all = ranks.flat();
  const indexOf = new Map<Unit, number>();
  all.forEach((u, i) => {
    if (!indexOf.has(u)) indexOf.set(u, i);
  });
  const into = sources(all, flow);
  const position = new Map<number, number>();
  const sortColumn = (column: readonly Unit[]): Unit[] => {
    const keyed = column.map((u, i) => {
      const near = (into.get(indexOf.get(u) ?? -1) ?? []).flatMap((v) => (position.has(v) ? [position.get(v) ?? 0] : []));
      return { u, i, key: near.length > 0 ? near.reduce((a, b) => a + b, 0) / near.length : i };
    });
    const sorted = keyed.sort((a, b) => a.key - b.key || a.i - b.i).map((k) => k.u);
    sorted.forEach((u, i) => position.set(indexOf.get(u) ?? -1, i));
    return sorted;
  };
  const isDns = (u: Unit) => u.kind === 'free' && kindOf(u.id) === 'dns';
  const first = [...(ranks[0] ?? [])].sort((a, b) => Number(isDns(b)) - Number(isDns(a)));
  first.forEach((u, i) => position.set(indexOf.get(u) ?? -1, i));
  const result: Unit[][] = [first];
  for (const column of ranks.slice(1)) result.push(sortColumn(column));
  return result;
}
