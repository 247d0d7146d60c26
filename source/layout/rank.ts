import { edges } from '../model/edges.js';
import { kindSpecs } from '../model/kinds.js';
import type { Topology } from '../model/types.js';
import { flowKinds } from './flow-graph.js';

/**
 * The column of every component in the request flow: at least its kind's floor, and one more
 * than any component that sends it requests, reads, writes or code (longest path; a link that
 * would close a cycle is ignored). Firewalls, monitoring and DNS get no rank of their own here
 * (DNS sits beside the client it serves; see `group-hosts`).
 * Guaranteed: deterministic; every component of a ranked kind appears in the result.
 */
export function rankComponents(topology: Topology): ReadonlyMap<string, number> {
  const preds = new Map<string, string[]>();
  for (const e of edges(topology)) {
    if (!flowKinds.has(e.kind)) continue;
    const list = preds.get(e.to);
    if (list) list.push(e.from);
    else preds.set(e.to, [e.from]);
  }
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const kinds = new Map(topology.components.map((c) => [c.id, c.kind]));
  const visit = (id: string): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    const floor = kindSpecs[kinds.get(id) ?? 'client'].look.column;
    if (floor === null || visiting.has(id)) return -1;
    visiting.add(id);
    let r = floor;
    for (const p of preds.get(id) ?? []) {
      const pr = visit(p);
      if (pr >= 0) r = Math.max(r, pr + 1);
    }
    visiting.delete(id);
    rank.set(id, r);
    return r;
  };
  for (const c of topology.components) visit(c.id);
  return rank;
}
