import type { FlowEdge } from './flow-graph.js';
import type { Unit } from './group-hosts.js';
import { placeRanks, type Placed } from './place-ranks.js';
import { fromAxes, type Spacing } from './size.js';
import type { LocalBox, UnitLayout } from './unit-layout.js';

/** A box on the page, before it becomes a `LayoutBox` or `LayoutFrame`. */
export interface PageBox {
  readonly id: string;
  readonly role: LocalBox['role'];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly gate?: boolean;
}

function toPage(box: LocalBox, at: Placed, direction: Spacing['direction']): PageBox {
  const { x, y } = fromAxes(at.main + box.main, at.cross + box.cross, direction);
  const size = fromAxes(box.mainSize, box.crossSize, direction);
  return { id: box.id, role: box.role, x, y, width: size.x, height: size.y, label: box.label, ...(box.gate ? { gate: true } : {}) };
}

/**
 * Places the flow columns one after the other along the main axis, each unit lined up with the
 * components that link into it from units placed before. Returns each unit's corner in (main,
 * cross) coordinates. Guaranteed: units never overlap; every coordinate ≥ 0.
 */
export function placeFlow(
  ranks: readonly (readonly Unit[])[],
  layouts: ReadonlyMap<string, UnitLayout>,
  flow: readonly FlowEdge[],
  spacing: Spacing,
): Map<string, Placed> {
  const ownerOf = new Map<string, UnitLayout>();
  const localOf = new Map<string, LocalBox>();
  for (const l of layouts.values()) {
    for (const b of l.boxes) {
      if (b.role !== 'component') continue;
      ownerOf.set(b.id, l);
      localOf.set(b.id, b);
    }
  }
  const centerOf = (b: LocalBox) => b.cross + Math.floor(b.crossSize / 2);
  const into = new Map<string, FlowEdge[]>();
  for (const e of flow) {
    const owner = ownerOf.get(e.to)?.id;
    if (owner !== undefined) into.set(owner, [...(into.get(owner) ?? []), e]);
  }
  const items = ranks.map((rank) => rank.map((u) => ({ id: u.id, main: layouts.get(u.id)?.main ?? 0, cross: layouts.get(u.id)?.cross ?? 0 })));
  // Dense frames leave lines one row each: the gap before a column gets a lane per target in it.
  const rankOf = new Map(ranks.flatMap((rank, r) => rank.map((u) => [u.id, r] as const)));
  const targets = ranks.map(() => new Set<string>());
  for (const e of flow) {
    const r = rankOf.get(ownerOf.get(e.to)?.id ?? '');
    if (r !== undefined && r > 0 && rankOf.get(ownerOf.get(e.from)?.id ?? '') !== r) targets[r]?.add(e.to);
  }
  return placeRanks(items, {
    gapMain: spacing.gapMain,
    gapCross: spacing.gapCross,
    ...(spacing.maxCross === undefined ? {} : { maxCross: spacing.maxCross }),
    // Dense frames have one row for lines: each unit goes level with its first source, or as near
    // after it as it can, and the other sources' lines join it there.
    balance: spacing.dense === undefined,
    ...(spacing.dense ? { gapAfter: (r: number) => (targets[r + 1]?.size ?? 0) + 1 } : {}),
    desired: (item, done) => {
      const wishes = (into.get(item.id) ?? []).flatMap((e) => {
        const target = localOf.get(e.to);
        const source = ownerOf.get(e.from);
        const at = source ? done.get(source.id) : undefined;
        const from = localOf.get(e.from);
        if (!target || !source || !at || !from || source.id === item.id) return [];
        return [at.cross + centerOf(from) - centerOf(target)];
      });
      if (wishes.length === 0) return undefined;
      return spacing.dense ? Math.min(...wishes) : Math.round(wishes.reduce((a, b) => a + b, 0) / wishes.length);
    },
  });
}

/** The page boxes of units placed at (main, cross) corners. */
export function toPageBoxes(placed: ReadonlyMap<string, Placed>, layouts: ReadonlyMap<string, UnitLayout>, direction: Spacing['direction']): PageBox[] {
  return [...placed].flatMap(([id, at]) => (layouts.get(id)?.boxes ?? []).map((b) => toPage(b, at, direction)));
}

/**
 * Places laid-out units on the page: the flow columns (see `placeFlow`), and the out-of-flow band
 * after everything on the cross axis (below, when the flow runs left to right; at the end, when it
 * runs top to bottom). Guaranteed: units never overlap; every coordinate ≥ 0.
 */
export function positionUnits(
  ranks: readonly (readonly Unit[])[],
  band: readonly Unit[],
  layouts: ReadonlyMap<string, UnitLayout>,
  flow: readonly FlowEdge[],
  spacing: Spacing,
): PageBox[] {
  const placed = placeFlow(ranks, layouts, flow, spacing);
  const all = new Map(placed);
  const crossEnd = Math.max(0, ...[...placed].map(([id, p]) => p.cross + (layouts.get(id)?.cross ?? 0)));
  const mainEnd = Math.max(0, ...[...placed].map(([id, p]) => p.main + (layouts.get(id)?.main ?? 0)));
  const lastRank = ranks[ranks.length - 1] ?? [];
  // Left to right, the band goes under the last column; top to bottom, it is one more row.
  let main = spacing.direction === 'lr' ? Math.min(mainEnd, ...lastRank.map((u) => all.get(u.id)?.main ?? mainEnd)) : mainEnd + spacing.gapMain;
  let cross = spacing.direction === 'lr' ? crossEnd + spacing.gapCross : 0;
  let rowMain = 0;
  for (const unit of band) {
    const size = layouts.get(unit.id);
    if (!size) continue;
    if (spacing.direction === 'tb' && spacing.maxCross !== undefined && cross > 0 && cross + size.cross > spacing.maxCross) {
      main += rowMain + spacing.gapMain;
      cross = 0;
      rowMain = 0;
    }
    all.set(unit.id, { main, cross });
    if (spacing.direction === 'lr') main += size.main + spacing.gapMain;
    else {
      cross += size.cross + spacing.gapCross;
      rowMain = Math.max(rowMain, size.main);
    }
  }
  return toPageBoxes(all, layouts, spacing.direction);
}
