import { Cell, type Obstacles } from './obstacles.js';

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

/**
 * Which lines already use each cell, by orientation: the (source group, target group) pairs of
 * the lines running through it horizontally and vertically. A line may share a cell only with
 * lines of its own source group or its own target group (a fork or a merge, never a tangle), or
 * with a line whose source also links to its target and whose target its source links to: where
 * every source reaches every target (a load balancer pair and its backends), a shared stretch
 * suggests no link that does not exist.
 */
export interface Usage {
  readonly h: (number[] | undefined)[];
  readonly v: (number[] | undefined)[];
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
  return { h: new Array<number[] | undefined>(size), v: new Array<number[] | undefined>(size), arrow: new Int32Array(size).fill(-1), count: new Uint16Array(size), linked };
}

/** Whether every line in `pairs` ([src, dst, src, dst, ...]) may share a cell with the line `src → dst`. */
function compatible(u: Usage, pairs: readonly number[] | undefined, src: number, dst: number): boolean {
  if (!pairs) return true;
  for (let i = 0; i < pairs.length; i += 2) {
    const s = pairs[i] ?? -1;
    const d = pairs[i + 1] ?? -1;
    if (s !== src && d !== dst && !(u.linked.has(linkKey(src, d)) && u.linked.has(linkKey(s, dst)))) return false;
  }
  return true;
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
}

/** Reusable buffers for searches on one page. */
export interface SearchSpace {
  readonly g: Int32Array;
  readonly parent: Int32Array;
  readonly stamp: Int32Array;
  round: number;
  heapF: number[];
  heapS: number[];
}

let spare: SearchSpace | undefined;

/**
 * Buffers for searches over `cells` cells. They are reused from one layout to the next (the
 * stamps make stale entries invisible), since allocating them per layout dominated its cost;
 * searches are synchronous, so no two layouts ever share them at once.
 */
export function searchSpace(cells: number): SearchSpace {
  const states = cells * 4;
  if (!spare || spare.g.length < states) {
    spare = { g: new Int32Array(states), parent: new Int32Array(states), stamp: new Int32Array(states), round: 0, heapF: [], heapS: [] };
  }
  return spare;
}

function push(space: SearchSpace, f: number, s: number): void {
  const { heapF, heapS } = space;
  let i = heapF.length;
  heapF.push(f);
  heapS.push(s);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if ((heapF[p] ?? 0) <= f) break;
    heapF[i] = heapF[p] ?? 0;
    heapS[i] = heapS[p] ?? 0;
    i = p;
  }
  heapF[i] = f;
  heapS[i] = s;
}

function pop(space: SearchSpace): number {
  const { heapF, heapS } = space;
  const top = heapS[0] ?? -1;
  const lastF = heapF.pop() ?? 0;
  const lastS = heapS.pop() ?? 0;
  const n = heapF.length;
  if (n === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && (heapF[r] ?? 0) < (heapF[l] ?? 0) ? r : l;
    if ((heapF[c] ?? 0) >= lastF) break;
    heapF[i] = heapF[c] ?? 0;
    heapS[i] = heapS[c] ?? 0;
    i = c;
  }
  heapF[i] = lastF;
  heapS[i] = lastS;
  return top;
}

/** The cost of a line entering `cell` going `dir`, or -1 when it may not. */
function enterCost(o: Obstacles, u: Usage, req: SearchRequest, cell: number, dir: Dir): number {
  const kind = o.cell[cell];
  if (kind === Cell.Blocked) return -1;
  let cost = STEP;
  if (kind === Cell.BorderH || kind === Cell.BorderV) {
    if ((kind === Cell.BorderH) === horizontal(dir)) return -1;
    cost += BORDER;
  }
  const owner = o.owner[cell] ?? 0;
  if (owner !== 0 && !req.hosts.has(owner)) {
    if (!req.relaxed) return -1;
    cost += TRESPASS;
  }
  if (owner !== 0) cost += INSIDE;
  const arrow = u.arrow[cell] ?? -1;
  if (arrow !== -1 && arrow !== req.dst) return -1;
  const h = horizontal(dir);
  if (!compatible(u, (h ? u.h : u.v)[cell], req.src, req.dst)) {
    if (!req.relaxed) return -1;
    cost += TRESPASS;
  }
  if (!compatible(u, (h ? u.v : u.h)[cell], req.src, req.dst)) cost += CROSS;
  return cost;
}

/**
 * The extra cost of turning in `cell`, or -1 when a line may not: never on a border or next to
 * another target's arrowhead, and (unless relaxed) only where every line there shares its
 * source or its target.
 */
function bendCost(o: Obstacles, u: Usage, req: SearchRequest, cell: number): number {
  if (o.cell[cell] !== Cell.Free) return -1;
  const arrow = u.arrow[cell] ?? -1;
  if (arrow !== -1 && arrow !== req.dst) return -1;
  if (compatible(u, u.h[cell], req.src, req.dst) && compatible(u, u.v[cell], req.src, req.dst)) return BEND;
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
  const h = (cell: number) => {
    const x = cell % width;
    const y = (cell - x) / width;
    const ddx = x < t.x0 ? t.x0 - x : x > t.x1 ? x - t.x1 : 0;
    const ddy = y < t.y0 ? t.y0 - y : y > t.y1 ? y - t.y1 : 0;
    // Off both axes of the goal area a turn is still to come. Over-estimating (greed > 1) makes
    // the search head for the goal, trading a little route quality for far fewer expansions.
    return ((ddx + ddy) * STEP + (ddx > 0 && ddy > 0 ? BEND : 0)) * req.greed;
  };
  const relax = (state: number, g: number, parent: number) => {
    if (space.stamp[state] === space.round && (space.g[state] ?? 0) <= g) return;
    space.stamp[state] = space.round;
    space.g[state] = g;
    space.parent[state] = parent;
    // Among equal estimates, the state furthest along goes first: no sweeping of plateaus.
    push(space, g + h(state >> 2) - g * 1e-6, state);
  };
  for (const p of req.starts) {
    const cost = enterCost(o, u, req, p.cell, p.dir);
    if (cost >= 0) relax(p.cell * 4 + p.dir, cost + p.cost, -1);
  }
  let expanded = 0;
  while (space.heapS.length > 0) {
    if (expanded++ >= req.budget) return undefined;
    const state = pop(space);
    const cell = state >> 2;
    const din = (state & 3) as Dir;
    const g = space.g[state] ?? 0;
    if (req.goals.get(cell) === din) return unwind(space, state);
    const x = cell % width;
    const y = (cell - x) / width;
    for (let d = 0 as Dir; d < 4; d = (d + 1) as Dir) {
      if (d === ((din + 2) & 3)) continue;
      const turn = d !== din;
      const bend = turn ? bendCost(o, u, req, cell) : 0;
      if (bend < 0) continue;
      const nx = x + dx[d];
      const ny = y + dy[d];
      if (nx < w.x0 || nx > w.x1 || ny < w.y0 || ny > w.y1) continue;
      const next = ny * width + nx;
      const cost = enterCost(o, u, req, next, d);
      if (cost < 0) continue;
      relax(next * 4 + d, g + cost + bend, state);
    }
  }
  return undefined;
}

function unwind(space: SearchSpace, end: number): number[] {
  const states: number[] = [];
  for (let s = end; s !== -1; s = space.parent[s] ?? -1) states.push(s);
  return states.reverse();
}
