import { kindSpecs } from '../model/kinds.js';
import { componentKinds, type ComponentKind } from '../model/types.js';
import type { HostUnit } from './group-hosts.js';
import { fitLabel } from './size.js';
import { componentBox } from './component-box.js';
import type { LocalBox, UnitContext, UnitLayout } from './unit-layout.js';

/**
 * Kinds drawn as small boxes on a dense frame's border rather than in its middle row, in the
 * order they are drawn: they are not on the request's way through the host (a firewall guards
 * its door, code runs inside its app server, an agent ships logs), so no line needs to reach them.
 */
const tagKinds: readonly ComponentKind[] = componentKinds.filter((k) => ['gate', 'tag'].includes(kindSpecs[k].look.placement));

/** Which border each tag kind goes to first: a gate beside the title, the rest below. */
const prefersTop = (kind: ComponentKind | undefined) => kind !== undefined && kindSpecs[kind].look.placement === 'gate';

interface Borders {
  readonly top: LocalBox[];
  readonly bottom: LocalBox[];
}

/**
 * Shares the tags between the two borders of a frame `width` wide whose title takes `title`
 * cells: each goes to its preferred border when it fits there, else to the other; undefined when
 * some tag fits neither. The top border holds `╭ title` then tags up to the corner (the first
 * tag's symbol cell is the space after the title); the bottom one holds tags from its left
 * corner, keeping one line cell before the right one.
 */
function shareBorders(tags: readonly LocalBox[], width: number, title: number, ctx: UnitContext): Borders | undefined {
  let top = width - title - 3;
  let bottom = width - 3;
  const borders: Borders = { top: [], bottom: [] };
  for (const tag of tags) {
    const order = prefersTop(ctx.kindOf(tag.id)) ? (['top', 'bottom'] as const) : (['bottom', 'top'] as const);
    const side = order.find((s) => tag.mainSize <= (s === 'top' ? top : bottom));
    if (side === undefined) return undefined;
    borders[side].push(tag);
    if (side === 'top') top -= tag.mainSize;
    else bottom -= tag.mainSize;
  }
  return borders;
}

/** The narrowest frame, at least `least` wide, whose borders hold the title and every tag. */
function narrowest(tags: readonly LocalBox[], least: number, title: string, ctx: UnitContext): { width: number; borders: Borders } {
  const most = least + title.length + tags.reduce((sum, t) => sum + t.mainSize, 0) + 3;
  for (let width = Math.max(least, title.length + 4); width < most; width++) {
    const borders = shareBorders(tags, width, title.length, ctx);
    if (borders) return { width, borders };
  }
  return { width: most, borders: { top: [], bottom: [...tags] } };
}

/**
 * Lays out a host frame of the dense arrangement: the title and some tags on the top border, the
 * host's other components in flow columns (one row each, usually a single row in all; one free
 * cell before the first column for an incoming arrowhead, one after the last for an outgoing
 * line; then an empty row when the arrangement keeps one for badges), and the remaining
 * tags on the bottom border from the left, under the entry side: lines between stacked hosts
 * cross the borders further right, where requests leave. The frame carries the most informative title that does not
 * make it wider than the shortest allowed one would.
 * Guaranteed: boxes never overlap each other or the title; tags lie on the border rows, strictly
 * between the corners; everything else lies strictly inside the frame.
 */
export function layoutDenseHost(unit: HostUnit, ctx: UnitContext): UnitLayout {
  const gap = ctx.spacing.innerMain;
  const ids = [...unit.gates, ...unit.columns.flat()];
  const isTag = (id: string) => tagKinds.includes(ctx.kindOf(id) ?? 'client');
  const rank = (id: string) => tagKinds.indexOf(ctx.kindOf(id) ?? 'client');
  const tags = ids.filter(isTag).sort((a, b) => rank(a) - rank(b)).map((id) => componentBox(id, ctx));
  let x = 2;
  const inner: LocalBox[] = [];
  for (const column of unit.columns.map((c) => c.filter((id) => !isTag(id))).filter((c) => c.length > 0)) {
    const boxes = column.map((id, row) => ({ ...componentBox(id, ctx), main: x, cross: 1 + row }));
    inner.push(...boxes);
    x += Math.max(...boxes.map((b) => b.mainSize)) + gap;
  }
  const rows = Math.max(1, ...unit.columns.map((c) => c.filter((id) => !isTag(id)).length)) + (ctx.spacing.badgeRow ? 1 : 0);
  const content = inner.length === 0 ? 2 : x - gap + 2;
  const titles = ctx.titles(unit.id).map((t) => fitLabel(t, ctx.spacing.maxLabel));
  const shortest = narrowest(tags, content, titles[titles.length - 1] ?? unit.id, ctx);
  const title = titles.find((t) => narrowest(tags, content, t, ctx).width <= shortest.width) ?? unit.id;
  const { width, borders } = narrowest(tags, content, title, ctx);
  const row = (list: readonly LocalBox[], x: number, y: number) =>
    list.map((t, i) => ({ ...t, main: x + list.slice(0, i).reduce((sum, o) => sum + o.mainSize, 0), cross: y }));
  const top = row(borders.top, title.length + 2, 0);
  const bottom = row(borders.bottom, 1, rows + 1);
  const frame: LocalBox = { id: unit.id, role: 'host', main: 0, cross: 0, mainSize: width, crossSize: rows + 2, label: title };
  return { id: unit.id, main: width, cross: rows + 2, boxes: [frame, ...top, ...bottom, ...inner] };
}
