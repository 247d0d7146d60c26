import type { FlowEdge } from './flow-graph.js';
import { emptyUsage, horizontal, linkKey, search, searchSpace, type Dir, type Port, type SearchRequest, type Usage } from './grid-search.js';
import type { Obstacles } from './obstacles.js';
import type { PageBox } from './position.js';

/** A routed line: the cells it runs through, in order, and the direction it arrived in each. */
export interface Route {
  readonly edge: FlowEdge;
  readonly cells: readonly number[];
  readonly dirs: readonly Dir[];
}

export interface RouteContext {
  readonly obstacles: Obstacles;
  readonly boxes: ReadonlyMap<string, PageBox>;
  /** The host a component is drawn in (a firewall: the host it guards). */
  readonly hostOf: (id: string) => string | undefined;
  readonly isGate: (id: string) => boolean;
  readonly direction: 'lr' | 'tb';
  /** Stop at the first line that finds no route (another arrangement will be tried). */
  readonly giveUp?: boolean;
}

/** Pages up to this many cells get a strict search over the whole page before a relaxed one. */
const strictPageCells = 20_000;

/** Lines are routed main flow first, so the request path gets the straightest lines. */
const priority: Record<FlowEdge['kind'], number> = { request: 0, resolve: 1, code: 2, write: 3, read: 4, replication: 5, monitoring: 6 };

/** The cells next to a box on its allowed sides, with the direction that leaves it. */
function ports(box: PageBox, sides: readonly Dir[], o: Obstacles, direction: 'lr' | 'tb'): Port[] {
  // Leaving or entering across the flow costs a little more, so forks grow along it.
  const across = (side: Dir) => (horizontal(side) === (direction === 'lr') ? 0 : 15);
  const out: Port[] = [];
  const mid = box.y + Math.floor(box.height / 2);
  const cx = box.x + Math.floor(box.width / 2);
  const add = (x: number, y: number, dir: Dir, cost: number) => {
    if (x >= 0 && y >= 0 && x < o.width && y < o.height) out.push({ cell: y * o.width + x, dir, cost });
  };
  for (const side of sides) {
    if (side === 1) add(box.x + box.width, mid, 1, across(side));
    if (side === 3) add(box.x - 1, mid, 3, across(side));
    if (side === 0 || side === 2) {
      const y = side === 0 ? box.y - 1 : box.y + box.height;
      for (let x = box.x + 1; x <= box.x + box.width - 2; x++) add(x, y, side, across(side) + Math.abs(x - cx));
    }
  }
  return out;
}

function sidesFor(ctx: RouteContext, id: string, role: 'source' | 'target'): Dir[] {
  if (!ctx.isGate(id)) return [0, 1, 2, 3];
  const inward: Dir = ctx.direction === 'lr' ? 1 : 2;
  const outward: Dir = ctx.direction === 'lr' ? 3 : 0;
  return [role === 'source' ? inward : outward];
}

function record(u: Usage, req: SearchRequest, cells: readonly number[], dirs: readonly Dir[]): void {
  cells.forEach((cell, i) => {
    const orientations = new Set([dirs[i], dirs[i + 1]].filter((d) => d !== undefined).map(horizontal));
    for (const h of orientations) {
      const lists = h ? u.h : u.v;
      const list = lists[cell] ?? [];
      list.push(req.src, req.dst);
      lists[cell] = list;
    }
    u.count[cell] = (u.count[cell] ?? 0) + 1;
  });
  // The arrowhead and the cell before it stay this target's: other lines forking there would
  // leave no way in for the next line to the same target.
  for (const cell of cells.slice(-2)) u.arrow[cell] = req.dst;
}

function groupId(groups: Map<string, number>, key: string): number {
  const known = groups.get(key);
  if (known !== undefined) return known;
  groups.set(key, groups.size);
  return groups.size - 1;
}

/**
 * Routes every line orthogonally around the boxes: never through a component box, across a
 * frame border only at right angles, inside a host frame only when one end lives there. Lines
 * from one source (or to one target) of the same kind may share cells, forming a tree.
 * Guaranteed: deterministic; a line that cannot be routed at all is left out (never drawn
 * through a box), and with `giveUp` the lines after it are not routed either. Returns the routes and the final cell usage (for placing labels).
 */
export function routeEdges(flow: readonly FlowEdge[], ctx: RouteContext): { routes: Route[]; usage: Usage } {
  const o = ctx.obstacles;
  const groups = new Map<string, number>();
  // Lines from one source may fork, and lines into one target merge, whatever they carry.
  const srcOf = (edge: FlowEdge) => groupId(groups, `${edge.from}>|${edge.encrypted}`);
  const dstOf = (edge: FlowEdge) => groupId(groups, `>${edge.to}|${edge.encrypted}`);
  const usage = emptyUsage(o.width * o.height, new Set(flow.map((e) => linkKey(srcOf(e), dstOf(e)))));
  const space = searchSpace(o.width * o.height);
  const hostIndex = new Map(o.hosts.map((h, i) => [h, i + 1]));
  const ordered = [...flow].map((edge, i) => ({ edge, i })).sort((a, b) => priority[a.edge.kind] - priority[b.edge.kind] || a.i - b.i);
  const routes: Route[] = [];
  for (const { edge } of ordered) {
    const from = ctx.boxes.get(edge.from);
    const to = ctx.boxes.get(edge.to);
    if (!from || !to) continue;
    const hosts = new Set<number>();
    const own = hostIndex.get(ctx.hostOf(edge.from) ?? '');
    const their = ctx.isGate(edge.to) ? undefined : hostIndex.get(ctx.hostOf(edge.to) ?? '');
    if (own !== undefined) hosts.add(own);
    if (their !== undefined) hosts.add(their);
    const goals = new Map(ports(to, sidesFor(ctx, edge.to, 'target'), o, ctx.direction).map((p) => [p.cell, ((p.dir + 2) & 3) as Dir]));
    const target = { x0: to.x - 1, y0: to.y - 1, x1: to.x + to.width, y1: to.y + to.height };
    const margin = 6;
    const near = {
      x0: Math.max(0, Math.min(from.x, to.x) - margin),
      y0: Math.max(0, Math.min(from.y, to.y) - margin),
      x1: Math.min(o.width - 1, Math.max(from.x + from.width, to.x + to.width) + margin),
      y1: Math.min(o.height - 1, Math.max(from.y + from.height, to.y + to.height) + margin),
    };
    const page = { x0: 0, y0: 0, x1: o.width - 1, y1: o.height - 1 };
    const base = {
      starts: ports(from, sidesFor(ctx, edge.from, 'source'), o, ctx.direction),
      goals,
      src: srcOf(edge),
      dst: dstOf(edge),
      hosts,
      target,
      // Big pages cross many lines on the way: a greedier search keeps them fast.
      greed: o.width * o.height <= strictPageCells ? 1.2 : 3,
    };
    // A failing strict search would sweep its whole window: it gets a budget of expansions, and
    // on big pages no second strict sweep of the page; the relaxed search finds a route at once.
    const span = Math.abs(from.x - to.x) + Math.abs(from.y - to.y);
    const budget = 1000 + 10 * span;
    const attempts: SearchRequest[] = [
      { ...base, window: near, relaxed: false, budget },
      ...(o.width * o.height <= strictPageCells ? [{ ...base, window: page, relaxed: false, budget }] : []),
      // When another arrangement can be tried, a line boxed in should not cost a sweep of the page.
      { ...base, window: page, relaxed: true, budget: ctx.giveUp ? 20 * budget : Number.POSITIVE_INFINITY },
    ];
    const found = attempts.some((req) => {
      const states = search(o, usage, space, req);
      if (!states) return false;
      const cells = states.map((s) => s >> 2);
      const dirs = states.map((s) => (s & 3) as Dir);
      record(usage, req, cells, dirs);
      routes.push({ edge, cells, dirs });
      return true;
    });
    if (!found && ctx.giveUp) break;
  }
  return { routes, usage };
}
