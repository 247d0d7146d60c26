import { lookup } from '../model/lookup.js';
import type { Topology } from '../model/types.js';
import { collapsedNotice, collapseTopology, DRAWN_LIMIT, expandedNotice, withNotice, type Collapsed } from './collapse.js';
import { candidates, preferredArrangements, type Candidate, type Measured } from './choose-arrangement.js';
import { finishLayout } from './finish-layout.js';
import { flowOf, prepare, type Prepared } from './diagram-graph.js';
import type { FlowEdge } from './flow-graph.js';
import { frameTitles } from './frame-titles.js';
import { positionDense } from './position-dense.js';
import { positionUnits, type PageBox } from './position.js';
import type { Spacing } from './size.js';
import type { Layout, LayoutOptions } from './types.js';
import { layoutUnit, type UnitContext, type UnitLayout } from './unit-layout.js';

/** The spacing a unit's own layout depends on: all but the gaps between units along the flow. */
const unitKey = (s: Spacing) => JSON.stringify({ ...s, gapMain: 0 });

/** Boxes on the page for one arrangement, and the size they need. */
export interface Placed {
  readonly boxes: readonly PageBox[];
  readonly width: number;
  readonly height: number;
}

function unitLayouts(p: Prepared, spacing: Spacing): ReadonlyMap<string, UnitLayout> {
  const key = unitKey(spacing);
  const known = p.units.get(key);
  if (known) return known;
  const look = lookup(p.topology);
  const into = new Map<string, FlowEdge[]>();
  for (const e of flowOf(p, spacing)) {
    const list = into.get(e.to);
    if (list) list.push(e);
    else into.set(e.to, [e]);
  }
  const ctx: UnitContext = {
    spacing,
    into: (id) => into.get(id) ?? [],
    label: (id) => look.component(id)?.label ?? id,
    kindOf: (id) => look.component(id)?.kind,
    titles: (id) => frameTitles(p.topology, id, spacing.dense),
  };
  const layouts = new Map<string, UnitLayout>();
  for (const unit of [...p.ranks.flat(), ...p.grouping.band]) layouts.set(unit.id, layoutUnit(unit, ctx));
  p.units.set(key, layouts);
  return layouts;
}

/**
 * Places every unit of one arrangement on a page `pageWidth` wide (only the dense top row wraps
 * to it). Remembered per topology: the same spacing (and, for dense, page width) gives the same
 * placement object, and a dense one equal to one already made is that one, so whatever was
 * routed on it is found again (`finishLayout`).
 */
export function place(p: Prepared, spacing: Spacing, pageWidth: number): Placed {
  const key = `${JSON.stringify(spacing)}${spacing.dense ? ` ${pageWidth}` : ''}`;
  const known = p.placements.get(key);
  if (known) return known;
  const placed = placeAnew(p, spacing, pageWidth);
  const signature = `${JSON.stringify(spacing)} ${placed.boxes.map((b) => `${b.id}:${b.x},${b.y},${b.width},${b.height}`).join(' ')}`;
  if (p.placements.size >= 512) p.placements.clear();
  const same = p.placements.get(signature) ?? placed;
  p.placements.set(signature, same);
  p.placements.set(key, same);
  return same;
}

function placeAnew(p: Prepared, spacing: Spacing, pageWidth: number): Placed {
  const look = lookup(p.topology);
  const flow = flowOf(p, spacing);
  const kindOf = (id: string) => look.component(id)?.kind;
  const layouts = unitLayouts(p, spacing);
  const boxes = spacing.dense
    ? positionDense(p.ranks, p.grouping.band, layouts, flow, spacing, kindOf, pageWidth)
    : positionUnits(p.ranks, p.grouping.band, layouts, flow, spacing);
  let width = 0;
  let height = 0;
  for (const b of boxes) {
    width = Math.max(width, b.x + b.width);
    height = Math.max(height, b.y + b.height);
  }
  return { boxes, width, height };
}

/** The size of an arrangement known to be wider than any page it was tried for. */
const tooWide: Measured = { width: Number.POSITIVE_INFINITY, height: Number.POSITIVE_INFINITY };

const collapsed = new WeakMap<Topology, Collapsed>();

/**
 * Lays out a topology on a page at most `options.width` cells wide (see `layoutEach`). One of
 * more than `DRAWN_LIMIT` components is drawn collapsed, alike components sharing one box
 * (`collapseTopology`), under a line that says so: linear in its size, where drawing every line
 * between hundreds of boxes would take seconds and show a maze. Asked not to collapse it, and not
 * to draw lines, every component gets its own box, under a line that says the lines are left out.
 */
export function layoutTopology(topology: Topology, options: LayoutOptions): Layout {
  return laidOut(topology, options, false) as Layout;
}

/**
 * The layout `layoutTopology` gives when it fits `options.height` with every line drawn;
 * otherwise undefined, without routing the arrangements whose boxes alone (and a legend) are
 * too tall: where only a drawing that fits is of use (the app's diagram beside its panels, its
 * legend), those are not worth their cost.
 */
export function layoutIfFits(topology: Topology, options: LayoutOptions & { readonly height: number }): Layout | undefined {
  const layout = laidOut(topology, options, true);
  return layout && layout.height <= options.height ? layout : undefined;
}

function laidOut(topology: Topology, options: LayoutOptions, fittingOnly: boolean): Layout | undefined {
  const big = topology.components.length > DRAWN_LIMIT;
  const below = options.height === undefined ? {} : { height: options.height - 1 };
  if (big && options.collapse === false && options.lines === false) {
    return withNotice(layoutEach(topology, { ...options, ...below }, false) as Layout, expandedNotice(topology), options.width);
  }
  // Lines are left out only there: every other drawing has them.
  const each = { ...options, lines: true };
  if (!big || options.collapse === false) return layoutEach(topology, each, fittingOnly);
  let groups = collapsed.get(topology);
  if (!groups) {
    groups = collapseTopology(topology);
    collapsed.set(topology, groups);
  }
  const layout = layoutEach(groups.topology, { ...each, ...below }, fittingOnly);
  return layout && { ...withNotice(layout, collapsedNotice(topology), options.width), drawnAs: groups.drawnAs };
}

/**
 * Lays out every component of a topology on a page at most `options.width` cells wide: picks the roomiest
 * arrangement that fits (and fits `options.height` when given), places every unit, routes every
 * line and places the labels that fit. Deterministic: the same topology and options give the
 * same layout. Guaranteed: nothing lies at or beyond `options.width`; boxes never overlap; no
 * line passes through a component box; every component has a box. With `fittingOnly`, undefined
 * as soon as what would be drawn cannot fit `options.height`: the arrangements are tried in the
 * same order, those taller than it come last, fewest rows first, so at the first of them any
 * drawing left is too tall (or one without some of its lines).
 */
function layoutEach(topology: Topology, options: LayoutOptions, fittingOnly: boolean): Layout | undefined {
  const p = prepare(topology);
  const legendRows = options.legend === false ? 0 : 3;
  const tries = candidates(options.width);
  const measure = (i: number): Placed => place(p, (tries[i] as Candidate).spacing, options.width);
  // A candidate fits no width that the last of its chain of narrower ones misses: when that one
  // is too wide, the candidate is never placed (the chain's ends are few and shared).
  const narrowest = (i: number): number => {
    const next = tries[i]?.narrower;
    return next === undefined ? i : narrowest(next);
  };
  const sized = (i: number): Measured => {
    const end = narrowest(i);
    if (end !== i && measure(end).width > options.width) return tooWide;
    return { width: measure(i).width, height: measure(i).height + legendRows };
  };
  // The flattest arrangements set the bar for "absurdly tall" when no height is given.
  const flat = [tries.length - 1, ...tries.flatMap((c, i) => (c.spacing.dense && !c.spacing.badgeRow ? [i] : []))];
  const lowest = () => Math.min(...flat.map(sized).filter((m) => m.width <= options.width).map((m) => m.height));
  // A dense frame may leave a line no way out: then the next arrangement is better. Each try
  // gives up at the first such line, so a miss costs little; when every one misses, the first is
  // drawn without the lines that found no way.
  let first: number | undefined;
  // A legend is at least a line and the blank row above it.
  const legendFloor = options.legend === false ? 0 : 2;
  for (const index of preferredArrangements(tries.length, sized, options.width, options.height, lowest)) {
    if (fittingOnly && measure(index).height + legendFloor > (options.height ?? Number.POSITIVE_INFINITY)) return undefined;
    first ??= index;
    const finished = finishLayout(p, tries[index] as Candidate, measure(index), options, true);
    if (finished) return finished;
  }
  if (fittingOnly) return undefined;
  if (first !== undefined) return finishLayout(p, tries[first] as Candidate, measure(first), options, false) as Layout;
  // Nothing fits: shorten labels on the densest arrangement until it does.
  const densest = tries[tries.length - 1] as Candidate;
  for (let maxLabel = densest.spacing.maxLabel - 1; maxLabel >= 3; maxLabel--) {
    const spacing = { ...densest.spacing, maxLabel };
    const placed = place(p, spacing, options.width);
    if (placed.width <= options.width || maxLabel === 3) return finishLayout(p, { ...densest, spacing }, placed, options, false) as Layout;
  }
  return finishLayout(p, densest, measure(tries.length - 1), options, false) as Layout;
}

