import { lookup } from '../model/lookup.js';
import type { Candidate } from './choose-arrangement.js';
import { placeLabels } from './edge-labels.js';
import { drawnHost } from './flow-graph.js';
import { legendLines } from './legend.js';
import { monitoringNotes } from './monitoring-notes.js';
import { buildObstacles, Cell } from './obstacles.js';
import type { PageBox } from './position.js';
import { routeEdges } from './route-edges.js';
import type { Spacing } from './size.js';
import { screenPoint, type Layout, type LayoutBox, type LayoutEdge, type LayoutNote, type LayoutOptions } from './types.js';
import { flowOf, type Prepared } from './diagram-graph.js';
import type { Placed } from './layout-topology.js';

function toLayoutBoxes(p: Prepared, boxes: readonly PageBox[], shape: Spacing['shape']): LayoutBox[] {
  const look = lookup(p.topology);
  const hosts: LayoutBox[] = [];
  const components: LayoutBox[] = [];
  // Built field by field: spreading optional fields into every box was a measurable cost.
  for (const b of boxes) {
    if (b.role === 'host') hosts.push({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height, label: b.label, kind: 'host', shape });
    if (b.role !== 'component') continue;
    const box: { -readonly [K in keyof LayoutBox]: LayoutBox[K] } = { id: b.id, x: b.x, y: b.y, width: b.width, height: b.height, label: b.label, kind: 'component', shape };
    const c = look.component(b.id);
    const host = c ? drawnHost(c) : undefined;
    if (c) box.componentKind = c.kind;
    if (host) box.host = host;
    components.push(box);
  }
  return [...hosts, ...components];
}

/** The legend under a drawing of these lines. */
function legendOf(p: Prepared, edges: readonly LayoutEdge[], options: LayoutOptions): string[] {
  if (options.legend === false) return [];
  const certificates = p.topology.components.flatMap((c) => (c.kind === 'load-balancer' && c.tls ? [`certificate ${c.tls.certificate} at ${c.id}`] : []));
  return legendLines(edges, options.ascii, options.width, { certificates, balanced: p.topology.components.some((c) => c.kind === 'load-balancer') });
}

/**
 * The fewest rows the legend (and the blank row above it) takes under any drawing of the
 * topology: lines add items to it, never take any away, and its items are packed in order.
 */
export function legendFloor(p: Prepared, options: LayoutOptions): number {
  const lines = legendOf(p, [], options).length;
  return lines > 0 ? lines + 1 : 0;
}

const pick = (b: PageBox) => ({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height, label: b.label });

/** How many routings one topology keeps. */
const KEPT = 64;

/** A finished drawing but for its legend (which depends on nothing but the lines and the page width). */
export interface Routed {
  readonly edges: readonly LayoutEdge[];
  readonly notes: readonly LayoutNote[];
  /** The size the boxes, lines, labels and notes take. */
  readonly width: number;
  readonly height: number;
}

/**
 * Finishes a layout from its placed boxes: routes every line, places the labels that fit and the
 * monitoring captions (kept off the lines' way), and the legend. A line that finds no route is
 * left out, never drawn through a box; with `strict`, the first such line ends the attempt
 * (undefined), so the caller can try another arrangement. The routing is remembered per
 * topology by what it depends on (arrangement, placement, grid width, captions): another page
 * size that changes none of them (most resizes) costs only the legend.
 */
export function finishLayout(p: Prepared, chosen: Candidate, placed: Placed, options: LayoutOptions, strict: boolean): Layout | undefined {
  const gridWidth = Math.min(options.width, placed.width + 2);
  const flow = flowOf(p, chosen.spacing);
  const notes = monitoringNotes(flow, placed.boxes, options.width, chosen.spacing.dense !== undefined);
  const lines = options.lines !== false;
  const key = `${JSON.stringify(chosen)} ${placementId(placed)} ${gridWidth} ${strict} ${lines} ${JSON.stringify(notes)}`;
  let routed = p.routed.get(key);
  if (routed === undefined) {
    routed = route(p, chosen, placed, gridWidth, notes, strict, lines) ?? null;
    // A bound, so a long session of resizes keeps a few hundred kilobytes, not every size ever seen.
    if (p.routed.size >= KEPT) p.routed.clear();
    p.routed.set(key, routed);
  }
  if (!routed) return undefined;
  const legend = legendOf(p, routed.edges, options);
  const frames = placed.boxes.filter((b) => b.role === 'group').map(pick);
  return {
    width: Math.max(routed.width, ...legend.map((l) => l.length)),
    height: routed.height + (legend.length > 0 ? legend.length + 1 : 0),
    arrangement: chosen.arrangement,
    shape: chosen.spacing.shape,
    boxes: toLayoutBoxes(p, placed.boxes, chosen.spacing.shape),
    frames,
    edges: routed.edges,
    notes: routed.notes,
    legend,
    ascii: options.ascii,
  };
}

const placementIds = new WeakMap<Placed, number>();
let placements = 0;

/** A number naming a placement object (placements are shared, see `place`). */
function placementId(placed: Placed): number {
  const known = placementIds.get(placed);
  if (known !== undefined) return known;
  placementIds.set(placed, ++placements);
  return placements;
}

/** Routes the lines and places their labels on a grid `gridWidth` wide; undefined when `strict` and a line found no way. */
function route(p: Prepared, chosen: Candidate, placed: Placed, gridWidth: number, notes: readonly LayoutNote[], strict: boolean, lines: boolean): Routed | undefined {
  const look = lookup(p.topology);
  const gridHeight = placed.height + 3;
  const obstacles = buildObstacles(placed.boxes, gridWidth, gridHeight, chosen.spacing.direction === 'tb');
  const hostFrames = new Set(placed.boxes.filter((b) => b.role === 'host').map((b) => b.id));
  const byId = new Map(placed.boxes.filter((b) => b.role === 'component').map((b) => [b.id, b]));
  const drawn = lines ? flowOf(p, chosen.spacing).filter((e) => e.kind !== 'monitoring') : [];
  for (const n of notes) {
    if (n.y < gridHeight) obstacles.cell.fill(Cell.Blocked, n.y * gridWidth + Math.min(gridWidth, n.x), n.y * gridWidth + Math.min(gridWidth, n.x + n.text.length));
  }
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
    giveUp: strict,
  });
  if (strict && routes.length < drawn.length) return undefined;
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
  // The page grows to hold every line cell, label and note (a loop: spreading thousands of
  // cells into Math.max was a measurable cost on big pages).
  let width = placed.width;
  let height = placed.height;
  const use = (x: number, y: number) => {
    width = Math.max(width, x + 1);
    height = Math.max(height, y + 1);
  };
  for (const e of edges) {
    for (const c of e.cells) use(c.x, c.y);
    if (e.label) use(e.label.at.x + e.label.text.length - 1, e.label.at.y);
  }
  for (const n of notes) use(n.x + n.text.length - 1, n.y);
  return { edges, notes, width, height };
}
