import { lookup } from '../model/lookup.js';
import type { Topology } from '../model/types.js';
import { candidates, chooseArrangement, type Candidate } from './choose-arrangement.js';
import { placeLabels } from './edge-labels.js';
import { drawnHost, flowGraph, type FlowEdge } from './flow-graph.js';
import { groupHosts, type Grouping } from './group-hosts.js';
import { legendLines } from './legend.js';
import { buildObstacles } from './obstacles.js';
import { orderUnits } from './order.js';
import { positionUnits, type PageBox } from './position.js';
import { routeEdges } from './route-edges.js';
import type { Spacing } from './size.js';
import { layoutUnit, type UnitContext, type UnitLayout } from './unit-layout.js';
import { screenPoint, type Layout, type LayoutBox, type LayoutEdge, type LayoutNote, type LayoutOptions } from './types.js';

interface Prepared {
  readonly topology: Topology;
  readonly grouping: Grouping;
  readonly flow: readonly FlowEdge[];
  readonly ranks: ReturnType<typeof orderUnits>;
}

function prepare(topology: Topology): Prepared {
  const grouping = groupHosts(topology);
  const flow = flowGraph(topology, grouping.entries);
  const look = lookup(topology);
  const ranks = orderUnits(grouping.ranks, flow, (id) => look.component(id)?.kind);
  return { topology, grouping, flow, ranks };
}

function longTitle(topology: Topology, id: string): string | undefined {
  const host = lookup(topology).host(id);
  return host && host.label !== host.id ? `${host.id} · ${host.label} · ${host.ip}` : undefined;
}

/** Boxes on the page for one arrangement, and the size they need. */
function place(p: Prepared, spacing: Spacing): { boxes: PageBox[]; width: number; height: number } {
  const look = lookup(p.topology);
  const ctx: UnitContext = {
    spacing,
    flow: p.flow,
    label: (id) => look.component(id)?.label ?? id,
    longTitle: (id) => longTitle(p.topology, id),
  };
  const layouts = new Map<string, UnitLayout>();
  for (const unit of [...p.ranks.flat(), ...p.grouping.band]) layouts.set(unit.id, layoutUnit(unit, ctx));
  const boxes = positionUnits(p.ranks, p.grouping.band, layouts, p.flow, spacing);
  const width = Math.max(0, ...boxes.map((b) => b.x + b.width));
  const height = Math.max(0, ...boxes.map((b) => b.y + b.height));
  return { boxes, width, height };
}

function toLayoutBoxes(p: Prepared, boxes: readonly PageBox[], shape: Spacing['shape']): LayoutBox[] {
  const look = lookup(p.topology);
  const hosts = boxes.filter((b) => b.role === 'host').map((b): LayoutBox => ({ ...pick(b), kind: 'host', shape }));
  const components = boxes
    .filter((b) => b.role === 'component')
    .map((b): LayoutBox => {
      const c = look.component(b.id);
      const host = c ? drawnHost(c) : undefined;
      return { ...pick(b), kind: 'component', shape, ...(c ? { componentKind: c.kind } : {}), ...(host ? { host } : {}) };
    });
  return [...hosts, ...components];
}

const pick = (b: PageBox) => ({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height, label: b.label });

function draw(p: Prepared, chosen: Candidate, placed: ReturnType<typeof place>, options: LayoutOptions): Layout {
  const look = lookup(p.topology);
  const gridWidth = Math.min(options.width, placed.width + 2);
  const gridHeight = placed.height + 3;
  const obstacles = buildObstacles(placed.boxes, gridWidth, gridHeight, chosen.spacing.direction === 'tb');

  const hostFrames = new Set(placed.boxes.filter((b) => b.role === 'host').map((b) => b.id));
  const byId = new Map(placed.boxes.filter((b) => b.role === 'component').map((b) => [b.id, b]));
  const drawn = p.flow.filter((e) => e.kind !== 'monitoring');
  const notes = monitoringNotes(p.flow, placed.boxes, options.width);
  const { routes, usage } = routeEdges(drawn, {
    obstacles,
    boxes: byId,
    hostOf: (id) => {
      const c = look.component(id);
      return c ? drawnHost(c) : undefined;
    },
    isGate: (id) => {
      const c = look.component(id);
      return c?.kind === 'firewall' && hostFrames.has(c.protects);
    },
    direction: chosen.spacing.direction,
  });
  const labels = placeLabels(routes, obstacles, usage);
  const at = (cell: number) => screenPoint(cell % gridWidth, Math.floor(cell / gridWidth));
  const edges: LayoutEdge[] = routes.map((r) => {
    const label = labels.get(r);
    return {
      from: r.edge.from,
      to: r.edge.to,
      kind: r.edge.kind,
      links: r.edge.links,
      encrypted: r.edge.encrypted,
      cells: r.cells.map(at),
      ...(label ? { label: { text: label.text, at: at(label.cell) } } : {}),
    };
  });
  const used = [
    ...edges.flatMap((e) => e.cells),
    ...edges.flatMap((e) => (e.label ? [screenPoint(e.label.at.x + e.label.text.length - 1, e.label.at.y)] : [])),
    ...notes.map((n) => screenPoint(n.x + n.text.length - 1, n.y)),
  ];
  const width = Math.max(placed.width, ...used.map((c) => c.x + 1));
  const drawnHeight = Math.max(placed.height, ...used.map((c) => c.y + 1));
  const legend = options.legend === false ? [] : legendLines(edges, options.ascii, options.width);
  const frames = placed.boxes.filter((b) => b.role === 'group').map(pick);
  return {
    width: Math.max(width, ...legend.map((l) => l.length)),
    height: drawnHeight + (legend.length > 0 ? legend.length + 1 : 0),
    arrangement: chosen.arrangement,
    shape: chosen.spacing.shape,
    boxes: toLayoutBoxes(p, placed.boxes, chosen.spacing.shape),
    frames,
    edges,
    notes,
    legend,
    ascii: options.ascii,
  };
}

/**
 * Captions for monitoring services, naming the agents that ship to them (their links are not
 * drawn as lines): to the right of the box when that fits the page, else under it.
 */
function monitoringNotes(flow: readonly FlowEdge[], boxes: readonly PageBox[], width: number): LayoutNote[] {
  const notes: LayoutNote[] = [];
  for (const b of boxes) {
    const agents = flow.filter((e) => e.kind === 'monitoring' && e.to === b.id).map((e) => e.from);
    if (b.role !== 'component' || agents.length === 0) continue;
    const names = agents.length <= 3 ? agents.join(', ') : `${agents.length} agents`;
    const caption = `◀┄ logs from ${names}`;
    const beside = b.x + b.width + 1;
    const fits = beside + caption.length <= width;
    const x = fits ? beside : b.x;
    notes.push({ text: caption.slice(0, Math.max(0, width - x)), x, y: fits ? b.y + Math.floor(b.height / 2) : b.y + b.height });
  }
  return notes;
}

/**
 * Lays out a topology on a page at most `options.width` cells wide: picks the roomiest
 * arrangement that fits (and fits `options.height` when given), places every unit, routes every
 * line and places the labels that fit. Deterministic: the same topology and options give the
 * same layout. Guaranteed: nothing lies at or beyond `options.width`; boxes never overlap; no
 * line passes through a component box; every component has a box.
 */
export function layoutTopology(topology: Topology, options: LayoutOptions): Layout {
  const p = prepare(topology);
  const legendRows = options.legend === false ? 0 : 3;
  const tries = candidates(options.width);
  // Measured lazily: the first arrangement that fits ends the search.
  const measured: ReturnType<typeof place>[] = [];
  for (const c of tries) {
    const m = place(p, c.spacing);
    measured.push(m);
    if (m.width <= options.width && (options.height === undefined || m.height + legendRows <= options.height)) break;
  }
  const index = chooseArrangement(
    measured.map((m) => ({ width: m.width, height: m.height + legendRows })),
    options.width,
    options.height,
  );
  if (index >= 0) return draw(p, tries[index] as Candidate, measured[index] as ReturnType<typeof place>, options);
  // Nothing fits: shorten labels on the densest arrangement until it does.
  const densest = tries[tries.length - 1] as Candidate;
  for (let maxLabel = densest.spacing.maxLabel - 1; maxLabel >= 3; maxLabel--) {
    const spacing = { ...densest.spacing, maxLabel };
    const placed = place(p, spacing);
    if (placed.width <= options.width || maxLabel === 3) return draw(p, { ...densest, spacing }, placed, options);
  }
  return draw(p, densest, measured[measured.length - 1] as ReturnType<typeof place>, options);
}
