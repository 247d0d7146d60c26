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

/**
 * Orders the units of each column to reduce crossings: one left-to-right barycenter sweep (each
 * unit goes where the units that link to it sit in earlier columns). Units with nothing to go by
 * keep their relative order; in the first column DNS goes before the clients it serves. Guaranteed: a permutation of each column; deterministic.
 */
export function orderUnits(
  ranks: readonly (readonly Unit[])[],
  flow: readonly FlowEdge[],
  kindOf: (id: string) => string | undefined,
): Unit[][] {
  const unitOf = new Map<string, number>();
  const position = new Map<number, number>();
  const all = ranks.flat();
  all.forEach((u, i) => unitMembers(u).forEach((id) => unitOf.set(id, i)));
  const neighbours = (index: number, direction: 'in' | 'out'): number[] =>
    flow.flatMap((e) => {
      const [near, far] = direction === 'in' ? [e.to, e.from] : [e.from, e.to];
      const u = unitOf.get(near);
      const v = unitOf.get(far);
      return u === index && v !== undefined && v !== index && position.has(v) ? [position.get(v) ?? 0] : [];
    });
  const sortColumn = (column: readonly Unit[], direction: 'in' | 'out'): Unit[] => {
    const keyed = column.map((u, i) => {
      const near = neighbours(all.indexOf(u), direction);
      return { u, i, key: near.length > 0 ? near.reduce((a, b) => a + b, 0) / near.length : i };
    });
    const sorted = keyed.sort((a, b) => a.key - b.key || a.i - b.i).map((k) => k.u);
    sorted.forEach((u, i) => position.set(all.indexOf(u), i));
    return sorted;
  };
  const isDns = (u: Unit) => u.kind === 'free' && kindOf(u.id) === 'dns';
  const first = [...(ranks[0] ?? [])].sort((a, b) => Number(isDns(b)) - Number(isDns(a)));
  first.forEach((u, i) => position.set(all.indexOf(u), i));
  const result: Unit[][] = [first];
  for (const column of ranks.slice(1)) result.push(sortColumn(column, 'in'));
  return result;
}
