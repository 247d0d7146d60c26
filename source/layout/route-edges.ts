import type { FlowEdge } from './flow-graph.js';
import { distanceField } from './distance-field.js';
import { extend } from './line-sets.js';
import { emptyUsage, horizontal, linkKey, reachable, search, type Dir, type Port, type SearchRequest, type Usage } from './grid-search.js';
import { searchSpace } from './search-space.js';
import { Cell, type Obstacles } from './obstacles.js';
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

/**
 * The downstream port of every source boxed in across the flow (a one-row box between a frame
 * title and the components on its frame's border): its lines can leave only there or upstream,
 * so no incoming arrowhead may take it.
 */
function reservedExits(flow: readonly FlowEdge[], ctx: RouteContext): Map<string, number> {
  const o = ctx.obstacles;
  const out = new Map<string, number>();
  if (ctx.direction !== 'lr') return out;
  for (const id of new Set(flow.map((e) => e.from))) {
    const box = ctx.boxes.get(id);
    if (!box || ctx.isGate(id)) continue;
    const across = ports(box, [0, 2], o, 'lr');
    if (across.some((p) => o.cell[p.cell] !== Cell.Blocked)) continue;
    const [exit] = ports(box, [1], o, 'lr');
    if (exit) out.set(id, exit.cell);
  }
  return out;
}

function record(u: Usage, req: SearchRequest, cells: readonly number[], dirs: readonly Dir[]): void {
  const add = (sets: Int32Array, cell: number) => {
    sets[cell] = extend(u.sets, sets[cell] ?? 0, req.src, req.dst);
  };
  cells.forEach((cell, i) => {
    // The orientations the line has in the cell: arriving, and leaving (a bend has both).
    const arrive = dirs[i];
    const leave = dirs[i + 1] ?? arrive;
    if (arrive === undefined || leave === undefined) return;
    const h = horizontal(arrive);
    if (h || horizontal(leave)) add(u.h, cell);
    if (!h || !horizontal(leave)) add(u.v, cell);
    u.count[cell] = (u.count[cell] ?? 0) + 1;
  });
  // The arrowhead and the cell before it stay this target's: other lines forking there would
  // leave no way in for the next line to the same target.
  for (const cell of cells.slice(-2)) u.arrow[cell] = req.dst;
}

type Base = Pick<SearchRequest, 'starts' | 'goals' | 'src' | 'dst' | 'hosts' | 'target'>;
interface Attempt extends Pick<SearchRequest, 'window' | 'relaxed' | 'budget' | 'greed'> {
  /** Estimate distances along the ways into the target (`distanceField`) rather than straight. */
  readonly alongWays?: boolean;
}

/** A search for one line (written out field by field: spreading it is slow on big pages). */
const request = (b: Base, a: Attempt, field: Int32Array | undefined): SearchRequest => ({
  starts: b.starts,
  goals: b.goals,
  src: b.src,
  dst: b.dst,
  hosts: b.hosts,
  target: b.target,
  window: a.window,
  relaxed: a.relaxed,
  budget: a.budget,
  greed: a.greed,
  ...(field ? { field } : {}),
});

/**
 * The searches to try for a line, in order: strict near its ends, strict over the page (small
 * pages only), relaxed over the page. A failing strict search would sweep its whole window: it
 * gets a budget of expansions, and on big pages no second strict sweep of the page. When another
 * arrangement can be tried (`giveUp`), a line boxed in should not cost a sweep of the page either.
 * Big pages cross many lines on the way: their searches trust the distance estimate more, and a
 * relaxed one estimates along the ways into the target, so frames in the way do not trap it.
 */
function attemptsFor(from: PageBox, to: PageBox, o: Obstacles, giveUp: boolean): Attempt[] {
  const margin = 6;
  const near = {
    x0: Math.max(0, Math.min(from.x, to.x) - margin),
    y0: Math.max(0, Math.min(from.y, to.y) - margin),
    x1: Math.min(o.width - 1, Math.max(from.x + from.width, to.x + to.width) + margin),
    y1: Math.min(o.height - 1, Math.max(from.y + from.height, to.y + to.height) + margin),
  };
  const page = { x0: 0, y0: 0, x1: o.width - 1, y1: o.height - 1 };
  const span = Math.abs(from.x - to.x) + Math.abs(from.y - to.y);
  const budget = 1000 + 10 * span;
  const last = giveUp ? 20 * budget : Number.POSITIVE_INFINITY;
  if (o.width * o.height <= strictPageCells) {
    return [
      { window: near, relaxed: false, budget, greed: 1.2 },
      { window: page, relaxed: false, budget, greed: 1.2 },
      { window: page, relaxed: true, budget: last, greed: 1.2 },
    ];
  }
  return [
    { window: near, relaxed: false, budget, greed: 3 },
    { window: page, relaxed: true, budget: last, greed: 3, alongWays: true },
  ];
}

/**
 * Per target, the host frames the lines into it may enter: its own (unless it is a gate) and
 * those its lines start from. Lines into one target share one `distanceField` through them all.
 */
function waysInto(flow: readonly FlowEdge[], ctx: RouteContext, hostNumber: (id: string) => number | undefined): Map<string, Set<number>> {
  const ways = new Map<string, Set<number>>();
  for (const edge of flow) {
    const set = ways.get(edge.to) ?? new Set<number>();
    for (const id of ctx.isGate(edge.to) ? [edge.from] : [edge.from, edge.to]) {
      const host = hostNumber(id);
      if (host !== undefined) set.add(host);
    }
    ways.set(edge.to, set);
  }
  return ways;
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
  const reserved = reservedExits(flow, ctx);
  const hostNumber = (id: string) => hostIndex.get(ctx.hostOf(id) ?? '');
  const waysIn = waysInto(flow, ctx, hostNumber);
  const fields = new Map<string, Int32Array>();
  const routes: Route[] = [];
  for (const { edge } of ordered) {
    const from = ctx.boxes.get(edge.from);
    const to = ctx.boxes.get(edge.to);
    if (!from || !to) continue;
    const own = hostNumber(edge.from);
    const their = ctx.isGate(edge.to) ? undefined : hostNumber(edge.to);
    const exit = reserved.get(edge.to);
    const entries = ports(to, sidesFor(ctx, edge.to, 'target'), o, ctx.direction).filter((p) => p.cell !== exit);
    const goals = new Map(entries.map((p) => [p.cell, ((p.dir + 2) & 3) as Dir]));
    const base: Base = {
      starts: ports(from, sidesFor(ctx, edge.from, 'source'), o, ctx.direction),
      goals,
      src: srcOf(edge),
      dst: dstOf(edge),
      hosts: new Set([own, their].filter((h) => h !== undefined)),
      target: { x0: to.x - 1, y0: to.y - 1, x1: to.x + to.width, y1: to.y + to.height },
    };
    const fieldOf = () => {
      const known = fields.get(edge.to);
      if (known) return known;
      const made = distanceField(o, goals.keys(), waysIn.get(edge.to) ?? new Set());
      fields.set(edge.to, made);
      return made;
    };
    // On a big page, a target some line could reach only relaxed is crowded: the next lines into
    // it go straight to the relaxed search (it still prefers what a strict one would take).
    const crowded = fields.has(edge.to) && o.width * o.height > strictPageCells;
    const attempts = attemptsFor(from, to, o, ctx.giveUp === true).slice(crowded ? -1 : 0);
    const widest = (attempts.at(-1) as Attempt).window;
    // After a miss, a line walled off from its target is not searched for again and again.
    let walledOff: boolean | undefined;
    const found = attempts.some((attempt, i) => {
      if (i > 0 && (walledOff ??= !reachable(o, usage, { ...base, window: widest }))) return false;
      const req = request(base, attempt, attempt.alongWays ? fieldOf() : undefined);
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
