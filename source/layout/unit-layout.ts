import type { ComponentKind } from '../model/types.js';
import { layoutDenseHost } from './dense-host.js';
import type { FlowEdge } from './flow-graph.js';
import type { FreeUnit, GroupUnit, HostUnit, Unit } from './group-hosts.js';
import { placeRanks, type Item } from './place-ranks.js';
import { componentBox } from './component-box.js';
import { fitLabel, framePadding, type Spacing } from './size.js';

/** A rectangle in (main, cross) coordinates, relative to its unit. */
export interface LocalBox {
  readonly id: string;
  readonly role: 'component' | 'host' | 'group';
  readonly main: number;
  readonly cross: number;
  readonly mainSize: number;
  readonly crossSize: number;
  readonly label: string;
  /** A firewall astride its host's frame. */
  readonly gate?: boolean;
}

/** A unit laid out on its own: its size and its boxes, frames first. */
export interface UnitLayout {
  readonly id: string;
  readonly main: number;
  readonly cross: number;
  readonly boxes: readonly LocalBox[];
}

export interface UnitContext {
  readonly spacing: Spacing;
  /** The lines into a component. */
  readonly into: (id: string) => readonly FlowEdge[];
  readonly label: (id: string) => string;
  readonly kindOf: (id: string) => ComponentKind | undefined;
  /**
   * The titles a host or group frame may carry, most informative first (see `frameTitles`): the
   * frame is sized for the last one, and carries the first that fits it.
   */
  readonly titles: (id: string) => readonly string[];
}

const center = (b: { cross: number; crossSize: number }) => b.cross + Math.floor(b.crossSize / 2);


const shifted = (b: LocalBox, main: number, cross: number): LocalBox => ({ ...b, main: b.main + main, cross: b.cross + cross });

/**
 * The x extent of a frame must hold its title: `╭ title ─╮`. The frame is sized for the shortest
 * title allowed and carries the most informative one that fits it.
 */
function titled(unitId: string, xSize: number, ctx: UnitContext): { label: string; xSize: number } {
  const options = ctx.titles(unitId).map((t) => fitLabel(t, ctx.spacing.maxLabel));
  const shortest = options[options.length - 1] ?? unitId;
  const size = Math.max(xSize, shortest.length + 4);
  return { label: options.find((t) => t.length + 4 <= size) ?? shortest, xSize: size };
}

function frameAround(id: string, role: 'host' | 'group', contentMain: number, contentCross: number, ctx: UnitContext) {
  const lr = ctx.spacing.direction === 'lr';
  const fit = titled(id, lr ? contentMain : contentCross, ctx);
  const main = lr ? fit.xSize : contentMain;
  const cross = lr ? contentCross : fit.xSize;
  const box: LocalBox = { id, role, main: 0, cross: 0, mainSize: main, crossSize: cross, label: fit.label };
  return box;
}

function layoutHost(unit: HostUnit, ctx: UnitContext): UnitLayout {
  const s = ctx.spacing;
  const pad = framePadding(s.direction);
  const boxes = new Map(unit.columns.flat().map((id) => [id, componentBox(id, ctx)]));
  if (s.direction === 'lr' && s.shape === 'tall') {
    for (const column of unit.columns) {
      const widest = Math.max(...column.map((id) => boxes.get(id)?.mainSize ?? 0));
      for (const id of column) boxes.set(id, { ...(boxes.get(id) as LocalBox), mainSize: widest });
    }
  }
  const inside = new Set(unit.columns.flat());
  const items = unit.columns.map((col) => col.map((id): Item => ({ id, main: boxes.get(id)?.mainSize ?? 0, cross: boxes.get(id)?.crossSize ?? 0 })));
  const placed = placeRanks(items, {
    gapMain: s.innerMain,
    gapCross: s.innerCross,
    ...(s.maxCross === undefined ? {} : { maxCross: Math.max(1, s.maxCross - 2 - 2 * pad.cross) }),
    desired: (item, done) => {
      const centers = ctx
        .into(item.id)
        .filter((e) => inside.has(e.from) && done.has(e.from))
        .map((e) => center({ cross: done.get(e.from)?.cross ?? 0, crossSize: boxes.get(e.from)?.crossSize ?? 0 }));
      return centers.length === 0 ? undefined : Math.round(centers.reduce((a, b) => a + b, 0) / centers.length) - Math.floor(item.cross / 2);
    },
  });
  const gates = unit.gates.map((id) => componentBox(id, ctx));
  const gateEnd = Math.max(0, ...gates.map((g) => g.mainSize - Math.floor(g.mainSize / 2)));
  // Past a firewall only the arrow into the entry component is needed, not a full column gap.
  const contentMain0 = gates.length > 0 ? Math.max(1 + pad.main, gateEnd + Math.min(2, s.innerMain)) : 1 + pad.main;
  const contentCross0 = 1 + pad.cross;
  const inner = [...boxes.values()].map((b) => {
    const p = placed.get(b.id) ?? { main: 0, cross: 0 };
    return { ...b, main: contentMain0 + p.main, cross: contentCross0 + p.cross };
  });
  const entry = inner.find((b) => b.id === unit.entry);
  let next = entry ? center(entry) - Math.floor((gates[0]?.crossSize ?? 0) / 2) : contentCross0;
  const placedGates = gates.map((g) => {
    const cross = Math.max(1, next);
    next = cross + g.crossSize + s.innerCross;
    return { ...g, main: -Math.floor(g.mainSize / 2), cross, gate: true };
  });
  const contentMainEnd = Math.max(contentMain0, ...inner.map((b) => b.main + b.mainSize));
  const crossEnd = Math.max(contentCross0, ...inner.map((b) => b.cross + b.crossSize), ...placedGates.map((g) => g.cross + g.crossSize));
  const frame = frameAround(unit.id, 'host', contentMainEnd + pad.main + 1, crossEnd + pad.cross + 1, ctx);
  const least = Math.min(0, ...placedGates.map((g) => g.main));
  const all = [frame, ...placedGates, ...inner].map((b) => shifted(b, -least, 0));
  return { id: unit.id, main: frame.mainSize - least, cross: frame.crossSize, boxes: all };
}

function layoutGroup(unit: GroupUnit, ctx: UnitContext): UnitLayout {
  const s = ctx.spacing;
  // A free cell all round, so firewalls astride the members' frames keep room for their lines
  // (dense frames carry their firewalls on the border instead).
  const pad = s.dense ? { main: 0, cross: 0 } : { main: 1, cross: 1 };
  const members = unit.members.map((m) => layoutUnit(m, ctx));
  const placed = placeRanks([members.map((m) => ({ id: m.id, main: m.main, cross: m.cross }))], {
    gapMain: s.gapCross,
    gapCross: s.gapCross,
    ...(s.maxCross === undefined ? {} : { maxCross: Math.max(1, s.maxCross - 2 - 2 * pad.cross) }),
    desired: () => undefined,
  });
  const inner = members.flatMap((m) => {
    const p = placed.get(m.id) ?? { main: 0, cross: 0 };
    return m.boxes.map((b) => shifted(b, 1 + pad.main + p.main, 1 + pad.cross + p.cross));
  });
  const mainEnd = Math.max(...inner.map((b) => b.main + b.mainSize));
  const crossEnd = Math.max(...inner.map((b) => b.cross + b.crossSize));
  const frame = frameAround(unit.id, 'group', mainEnd + pad.main + 1, crossEnd + pad.cross + 1, ctx);
  return { id: unit.id, main: frame.mainSize, cross: frame.crossSize, boxes: [frame, ...inner] };
}

function layoutFree(unit: FreeUnit, ctx: UnitContext): UnitLayout {
  const box = componentBox(unit.id, ctx);
  return { id: unit.id, main: box.mainSize, cross: box.crossSize, boxes: [box] };
}

/**
 * Lays out one unit relative to its own top-left corner. Host frames hold their components in
 * flow columns, each lined up with what feeds it, and their firewalls astride the frame's
 * entry side, level with the entry component. Guaranteed: boxes inside a frame never overlap
 * each other and lie strictly inside it (firewalls straddle its border); all coordinates ≥ 0.
 */
export function layoutUnit(unit: Unit, ctx: UnitContext): UnitLayout {
  switch (unit.kind) {
    case 'host':
      return ctx.spacing.dense ? layoutDenseHost(unit, ctx) : layoutHost(unit, ctx);
    case 'group':
      return layoutGroup(unit, ctx);
    case 'free':
      return layoutFree(unit, ctx);
  }
}
