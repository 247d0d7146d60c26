import { allFit, lineSets, type LineSets } from './line-sets.js';
import { Cell, type Obstacles } from './obstacles.js';
import { pop, push, type SearchSpace } from './search-space.js';

/** Directions: 0 up, 1 right, 2 down, 3 left. */
export type Dir = 0 | 1 | 2 | 3;
export const dx = [0, 1, 0, -1] as const;
export const dy = [-1, 0, 1, 0] as const;
export const horizontal = (d: number) => d === 1 || d === 3;

const STEP = 10;
const BEND = 40;
const CROSS = 30;
const BORDER = 20;
/** Lines run between frames rather than inside them when they can. */
const INSIDE = 2;
/** The price of going where a strict search may not: another host, or along another line. */
const TRESPASS = 80;
/** What a search estimates a cell off the ways a line may go costs to get back (see `field`). */
const OFF_WAY = 4 * TRESPASS;

/**
 * Which lines already use each cell, by orientation: the (source group, target group) pairs of
 * the lines running through it horizontally and vertically. A line may share a cell only with
 * lines of its own source group or its own target group (a fork or a merge, never a tangle), or
 * with a line whose source also links to its target and whose target its source links to: where
 * every source reaches every target (a load balancer pair and its backends), a shared stretch
 * suggests no link that does not exist.
 */
export interface Usage {
  /** Per cell, the set (in `sets`) of the lines running through it horizontally, and vertically. */
  readonly h: Int32Array;
  readonly v: Int32Array;
  readonly sets: LineSets;
  /** The target group whose arrowhead is drawn in the cell or just before it, or -1. */
  readonly arrow: Int32Array;
  /** How many lines use the cell. */
  readonly count: Uint16Array;
  /** Every (source group, target group) pair with a line, as `linkKey(src, dst)`. */
  readonly linked: ReadonlySet<number>;
}

/** The key of a (source group, target group) pair in `Usage.linked`. */
export const linkKey = (src: number, dst: number) => src * 0x10000 + dst;

export function emptyUsage(size: number, linked: ReadonlySet<number>): Usage {
  return { h: new Int32Array(size), v: new Int32Array(size), sets: lineSets(), arrow: new Int32Array(size).fill(-1), count: new Uint16Array(size), linked };
}

/**
 * Whether a set of lines may share a cell with the searched line: answers by set id, each
 * remembered for the rest of the search.
 */
type Judge = (set: number) => boolean;

function judge(u: Usage, space: SearchSpace, req: SearchRequest): Judge {
  const { src, dst } = req;
  const ok = (s: number, d: number) => s === src || d === dst || (u.linked.has(linkKey(src, d)) && u.linked.has(linkKey(s, dst)));
  return (set) => allFit(u.sets, space.verdicts, space.round, set, ok);
}

export interface Port {
  readonly cell: number;
  /** Leaving the source (outward) or entering the target (inward). */
  readonly dir: Dir;
  readonly cost: number;
}

export interface SearchRequest {
  readonly starts: readonly Port[];
  /** Goal cells with the direction the line must have when it gets there. */
  readonly goals: ReadonlyMap<number, Dir>;
  readonly src: number;
  readonly dst: number;
  /** Host frames (1-based owner index) the line may run inside. */
  readonly hosts: ReadonlySet<number>;
  /** Search only inside this window (inclusive bounds). */
  readonly window: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** The goal area, for the heuristic. */
  readonly target: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** Allow trespassing (at a high price) so a route always exists. */
  readonly relaxed: boolean;
  /** Give up after expanding this many states (a strict search that is not finding a way). */
  readonly budget: number;
  /** How much the distance estimate is trusted: 1 finds cheapest routes, more finds them faster. */
  readonly greed: number;
  /**
   * Steps from each cell to the goals along the ways a line may go (`distanceField`): when given,
   * the distance estimate uses it rather than the straight distance to the target.
   */
  readonly field?: Int32Array;
}

/**
 * Whether any line to `dst`, however relaxed, may enter `cell` going `dir`: not into a box, along
 * a frame border, or onto another target's arrowhead (a strict one may enter fewer cells).
 */
function passable(o: Obstacles, u: Usage, dst: number, cell: number, dir: Dir): boolean {
  const kind = o.cell[cell];
  if (kind === Cell.Blocked) return false;
  if ((kind === Cell.BorderH || kind === Cell.BorderV) && (kind === Cell.BorderH) === horizontal(dir)) return false;
  const arrow = u.arrow[cell] ?? -1;
  return arrow === -1 || arrow === dst;
}

/** The cost of a line entering `cell` going `dir`, or -1 when it may not. */
function enterCost(o: Obstacles, u: Usage, fits: Judge, req: SearchRequest, cell: number, dir: Dir): number {
  if (!passable(o, u, req.dst, cell, dir)) return -1;
  const kind = o.cell[cell];
  let cost = STEP;
  if (kind === Cell.BorderH || kind === Cell.BorderV) cost += BORDER;
  const owner = o.owner[cell] ?? 0;
  if (owner !== 0 && !req.hosts.has(owner)) {
    if (!req.relaxed) return -1;
    cost += TRESPASS;
  }
  if (owner !== 0) cost += INSIDE;
  const h = horizontal(dir);
  if (!fits((h ? u.h : u.v)[cell] ?? 0)) {
    if (!req.relaxed) return -1;
    cost += TRESPASS;
  }
  if (!fits((h ? u.v : u.h)[cell] ?? 0)) cost += CROSS;
  return cost;
}

/**
 * The extra cost of turning in `cell`, or -1 when a line may not: never on a border or next to
 * another target's arrowhead, and (unless relaxed) only where every line there shares its
 * source or its target.
 */
function bendCost(o: Obstacles, u: Usage, fits: Judge, req: SearchRequest, cell: number): number {
  if (o.cell[cell] !== Cell.Free) return -1;
  const arrow = u.arrow[cell] ?? -1;
  if (arrow !== -1 && arrow !== req.dst) return -1;
  if (fits(u.h[cell] ?? 0) && fits(u.v[cell] ?? 0)) return BEND;
  return req.relaxed ? BEND + TRESPASS : -1;
}

/**
 * A cheapest orthogonal route from one of the start ports to a goal (A* over cell × direction,
 * paying for length, turns, crossings and frame borders). Returns the states in order
 * (`cell * 4 + direction of arrival`), or undefined when none exists under the request's rules.
 */
export function search(o: Obstacles, u: Usage, space: SearchSpace, req: SearchRequest): number[] | undefined {
  const { width } = o;
  const { window: w, target: t } = req;
  space.round += 1;
  space.heapF.length = 0;
  space.heapS.length = 0;
  const fits = judge(u, space, req);
  const { field } = req;
  const h = (cell: number) => {
    const steps = field ? (field[cell] ?? -1) : -1;
    if (steps >= 0) return steps * STEP * req.greed;
    const x = cell % width;
    const y = (cell - x) / width;
    const ddx = x < t.x0 ? t.x0 - x : x > t.x1 ? x - t.x1 : 0;
    const ddy = y < t.y0 ? t.y0 - y : y > t.y1 ? y - t.y1 : 0;
    // Off both axes of the goal area a turn is still to come. Over-estimating (greed > 1) makes
    // the search head for the goal, trading a little route quality for far fewer expansions.
    // A cell off every way a line may go (estimating along them) costs trespassing to leave.
    const off = field ? OFF_WAY : 0;
    return ((ddx + ddy) * STEP + (ddx > 0 && ddy > 0 ? BEND : 0) + off) * req.greed;
  };
  const relax = (state: number, g: number, parent: number) => {
    if (space.stamp[state] === space.round && (space.g[state] ?? 0) <= g) return;
    const estimate = h(state >> 2);
    space.stamp[state] = space.round;
    space.g[state] = g;
    space.parent[state] = parent;
    // Among equal estimates, the state furthest along goes first: no sweeping of plateaus.
    push(space, g + estimate - g * 1e-6, state);
  };
  for (const p of req.starts) {
    const cost = enterCost(o, u, fits, req, p.cell, p.dir);
    if (cost >= 0) relax(p.cell * 4 + p.dir, cost + p.cost, -1);
  }
  let expanded = 0;
  while (space.heapS.length > 0) {
    const state = pop(space);
    const g = space.g[state] ?? 0;
    // A state pushed again at a lower cost is still in the heap at its old one: expanding it
    // twice at the same cost would find nothing new.
    if (space.closed[state] === space.round && (space.closedG[state] ?? 0) <= g) continue;
    space.closed[state] = space.round;
    space.closedG[state] = g;
    if (expanded++ >= req.budget) return undefined;
    const cell = state >> 2;
    const din = (state & 3) as Dir;
    if (req.goals.get(cell) === din) return unwind(space, state);
    const x = cell % width;
    const y = (cell - x) / width;
    for (let d = 0 as Dir; d < 4; d = (d + 1) as Dir) {
      if (d === ((din + 2) & 3)) continue;
      const turn = d !== din;
      const bend = turn ? bendCost(o, u, fits, req, cell) : 0;
      if (bend < 0) continue;
      const nx = x + dx[d];
      const ny = y + dy[d];
      if (nx < w.x0 || nx > w.x1 || ny < w.y0 || ny > w.y1) continue;
      const next = ny * width + nx;
      const cost = enterCost(o, u, fits, req, next, d);
      if (cost < 0) continue;
      relax(next * 4 + d, g + cost + bend, state);
    }
  }
  return undefined;
}

/**
 * Whether a search with these starts, goals and window could find a route at all: a flood fill
 * over cells by `passable` steps, which allows all a relaxed search does and more (turns
 * anywhere, turning back). False means every search for the line, strict or relaxed, in this
 * window or a smaller one, finds nothing; it costs a fraction of one search that fails.
 */
export function reachable(o: Obstacles, u: Usage, req: Pick<SearchRequest, 'starts' | 'goals' | 'dst' | 'window'>): boolean {
  const { width } = o;
  const w = req.window;
  const seen = new Uint8Array(o.width * o.height);
  const todo: number[] = [];
  for (const p of req.starts) {
    if (!passable(o, u, req.dst, p.cell, p.dir)) continue;
    if (req.goals.get(p.cell) === p.dir) return true;
    if (seen[p.cell] === 0) {
      seen[p.cell] = 1;
      todo.push(p.cell);
    }
  }
  for (let cell = todo.pop(); cell !== undefined; cell = todo.pop()) {
    const x = cell % width;
    const y = (cell - x) / width;
    for (let d = 0 as Dir; d < 4; d = (d + 1) as Dir) {
      const nx = x + dx[d];
      const ny = y + dy[d];
      if (nx < w.x0 || nx > w.x1 || ny < w.y0 || ny > w.y1) continue;
      const next = ny * width + nx;
      if (!passable(o, u, req.dst, next, d)) continue;
      if (req.goals.get(next) === d) return true;
      if (seen[next] === 0) {
        seen[next] = 1;
        todo.push(next);
      }
    }
  }
  return false;
}

function unwind(space: SearchSpace, end: number): number[] {
  const states: number[] = [];
  for (let s = end; s !== -1; s = space.parent[s] ?? -1) states.push(s);
  return states.reverse();
}
