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
/** The price of going where a strict search may not: another host, or along another line. */
const TRESPASS = 400;

/** Which lines already use each cell, as merge groups: -1 none, -2 several that cannot merge. */
export interface Usage {
  readonly hSrc: Int32Array;
  readonly hDst: Int32Array;
  readonly vSrc: Int32Array;
  readonly vDst: Int32Array;
  /** The destination group of an arrowhead drawn in the cell, or -1. */
  readonly arrow: Int32Array;
  /** How many lines use the cell. */
  readonly count: Uint16Array;
}

export function emptyUsage(size: number): Usage {
  const filled = () => new Int32Array(size).fill(-1);
  return { hSrc: filled(), hDst: filled(), vSrc: filled(), vDst: filled(), arrow: filled(), count: new Uint16Array(size) };
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

export function searchSpace(cells: number): SearchSpace {
  const states = cells * 4;
  return { g: new Int32Array(states), parent: new Int32Array(states), stamp: new Int32Array(states), round: 0, heapF: [], heapS: [] };
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

const fits = (group: number, mine: number) => group === -1 || group === mine;

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
  const arrow = u.arrow[cell] ?? -1;
  if (arrow !== -1 && arrow !== req.dst) return -1;
  const h = horizontal(dir);
  const sameSrc = (h ? u.hSrc : u.vSrc)[cell] ?? -1;
  const sameDst = (h ? u.hDst : u.vDst)[cell] ?? -1;
  if (sameSrc !== -1 && sameSrc !== req.src && sameDst !== req.dst) {
    if (!req.relaxed) return -1;
    cost += TRESPASS;
  }
  const otherSrc = (h ? u.vSrc : u.hSrc)[cell] ?? -1;
  const otherDst = (h ? u.vDst : u.hDst)[cell] ?? -1;
  if (otherSrc !== -1 && otherSrc !== req.src && otherDst !== req.dst) cost += CROSS;
  return cost;
}

/** Whether a line may turn in `cell`: not on a border, and only where nothing else but its own group runs. */
function mayBend(o: Obstacles, u: Usage, req: SearchRequest, cell: number): boolean {
  if (o.cell[cell] !== Cell.Free) return false;
  if ((u.arrow[cell] ?? -1) !== -1) return false;
  const ok = (src: Int32Array, dst: Int32Array) => fits(src[cell] ?? -1, req.src) || (dst[cell] ?? -1) === req.dst;
  return ok(u.hSrc, u.hDst) && ok(u.vSrc, u.vDst);
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
    return (ddx + ddy) * STEP;
  };
  const relax = (state: number, g: number, parent: number) => {
    if (space.stamp[state] === space.round && (space.g[state] ?? 0) <= g) return;
    space.stamp[state] = space.round;
    space.g[state] = g;
    space.parent[state] = parent;
    push(space, g + h(state >> 2), state);
  };
  for (const p of req.starts) {
    const cost = enterCost(o, u, req, p.cell, p.dir);
    if (cost >= 0) relax(p.cell * 4 + p.dir, cost + p.cost, -1);
  }
  while (space.heapS.length > 0) {
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
      if (turn && !mayBend(o, u, req, cell)) continue;
      const nx = x + dx[d];
      const ny = y + dy[d];
      if (nx < w.x0 || nx > w.x1 || ny < w.y0 || ny > w.y1) continue;
      const next = ny * width + nx;
      const cost = enterCost(o, u, req, next, d);
      if (cost < 0) continue;
      relax(next * 4 + d, g + cost + (turn ? BEND : 0), state);
    }
  }
  return undefined;
}

function unwind(space: SearchSpace, end: number): number[] {
  const states: number[] = [];
  for (let s = end; s !== -1; s = space.parent[s] ?? -1) states.push(s);
  return states.reverse();
}
