import type { ComponentKind } from '../model/types.js';
import type { FlowEdge } from './flow-graph.js';
import type { Unit } from './group-hosts.js';
import { captions } from './monitoring-notes.js';
import type { Placed } from './place-ranks.js';
import { placeFlow, toPageBoxes, type PageBox } from './position.js';
import type { Spacing } from './size.js';
import type { UnitLayout } from './unit-layout.js';

/** Cells between the units of the top row. */
const TOP_GAP = 2;
/** Columns left of the flow for the lines coming down from the top row, and rows under it. */
const LANE = 2;
const DROP = 2;

/** The units of the top row: clients, then DNS, then the out-of-flow band (monitoring). */
function topUnits(ranks: readonly (readonly Unit[])[], band: readonly Unit[], kindOf: (id: string) => ComponentKind | undefined): Unit[] {
  const first = ranks.flat().filter((u) => u.kind === 'free' && u.rank === 0);
  const clients = first.filter((u) => kindOf(u.id) === 'client');
  return [...clients, ...first.filter((u) => !clients.includes(u)), ...band];
}

/**
 * Places the units of the dense arrangement: clients, DNS and the out-of-flow band (monitoring
 * services, each with room for its shortest caption) in rows across the top, wrapped to the page
 * width; the flow columns under them, shifted right by a lane for the lines coming down from the
 * top rows. Guaranteed: units never overlap; every coordinate ≥ 0; a top row is only wider than
 * `width` when one unit alone is.
 */
export function positionDense(
  ranks: readonly (readonly Unit[])[],
  band: readonly Unit[],
  layouts: ReadonlyMap<string, UnitLayout>,
  flow: readonly FlowEdge[],
  spacing: Spacing,
  kindOf: (id: string) => ComponentKind | undefined,
  width: number,
): PageBox[] {
  const top = topUnits(ranks, band, kindOf);
  const rest = ranks.map((rank) => rank.filter((u) => !top.includes(u))).filter((rank) => rank.length > 0);
  const placed = new Map<string, Placed>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const unit of top) {
    const size = layouts.get(unit.id);
    if (!size) continue;
    const caption = captions(flow, unit.id);
    const need = size.main + (caption.length > 0 ? 1 + (caption[caption.length - 1] ?? '').length : 0);
    if (x > 0 && x + need > width) {
      y += rowHeight + 1;
      x = 0;
      rowHeight = 0;
    }
    placed.set(unit.id, { main: x, cross: y });
    x += need + TOP_GAP;
    rowHeight = Math.max(rowHeight, size.cross);
  }
  const below = top.length > 0 ? y + rowHeight + DROP : 0;
  const inTop = new Set(top.flatMap((u) => (layouts.get(u.id)?.boxes ?? []).map((b) => b.id)));
  const lane = flow.some((e) => inTop.has(e.from) && !inTop.has(e.to)) ? LANE : 0;
  for (const [id, at] of placeFlow(rest, layouts, flow, spacing)) placed.set(id, { main: at.main + lane, cross: at.cross + below });
  return toPageBoxes(placed, layouts, 'lr');
}
