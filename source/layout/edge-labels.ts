import { horizontal, type Usage } from './grid-search.js';
import { emptySet } from './line-sets.js';
import { Cell, type Obstacles } from './obstacles.js';
import type { Route } from './route-edges.js';

export interface PlacedLabel {
  readonly text: string;
  /** The cell of the first character. */
  readonly cell: number;
}

/** For each cell, the label of the lines using it when they all carry the same one, else `null`. */
function labelsByCell(routes: readonly Route[]): Map<number, string | null> {
  const byCell = new Map<number, string | null>();
  for (const route of routes) {
    for (const cell of route.cells) {
      const known = byCell.get(cell);
      byCell.set(cell, known === undefined || known === route.edge.label ? route.edge.label : null);
    }
  }
  return byCell;
}

/**
 * Straight horizontal stretches of a route whose every cell carries only lines with this route's
 * label (a shared stretch of a fork says the same thing for all), longest first, as [start, end].
 */
function ownRuns(route: Route, byCell: ReadonlyMap<number, string | null>, o: Obstacles, usage: Usage): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  const own = (i: number) => {
    const cell = route.cells[i] ?? -1;
    const dir = route.dirs[i];
    const leaving = route.dirs[i + 1];
    const straight = dir !== undefined && horizontal(dir) && (leaving === undefined || leaving === dir);
    // Not over a frame border, nor a junction where another line turns off or crosses.
    return straight && o.cell[cell] === Cell.Free && usage.v[cell] === emptySet && byCell.get(cell) === route.edge.label;
  };
  // The first and last cells stay lines: one joins the source box, the other holds the arrowhead.
  for (let i = 1; i < route.cells.length - 1; i++) {
    if (own(i) && start === -1) start = i;
    if (!own(i) && start !== -1) {
      runs.push([start, i - 1]);
      start = -1;
    }
  }
  if (start !== -1) runs.push([start, route.cells.length - 2]);
  return runs.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
}

/** A free spot to the right of the middle of a vertical stretch, for a label that does not fit on the line. */
function besideRun(route: Route, text: string, o: Obstacles, usage: Usage, taken: Uint8Array): number | undefined {
  const vertical = route.cells.filter((_, i) => i > 0 && !horizontal(route.dirs[i] ?? 1));
  const middle = vertical[Math.floor(vertical.length / 2)];
  if (middle === undefined) return undefined;
  const x = middle % o.width;
  const first = middle + 1;
  if (x + text.length + 1 >= o.width) return undefined;
  for (let k = 0; k <= text.length; k++) {
    const cell = first + k;
    if (o.cell[cell] !== Cell.Free || (usage.count[cell] ?? 0) > 0 || taken[cell]) return undefined;
  }
  return first;
}

/**
 * Places each line's protocol/port label: written over a straight horizontal stretch used only by
 * lines with the same label (once for all of them), with at least one line cell on each side, or else beside a vertical stretch
 * when the cells there are empty; otherwise the label is left out.
 * Guaranteed: labels never overlap each other, a box, a frame border or another line.
 */
export function placeLabels(routes: readonly Route[], o: Obstacles, usage: Usage): Map<Route, PlacedLabel> {
  const taken = new Uint8Array(o.width * o.height);
  const placed = new Map<Route, PlacedLabel>();
  const byCell = labelsByCell(routes);
  for (const route of routes) {
    const text = route.edge.label;
    // A line sharing a stretch that already shows its label needs no second copy.
    if (text === '' || route.cells.some((c) => taken[c] === 1 && byCell.get(c) === text)) continue;
    let at: number | undefined;
    for (const [a, b] of ownRuns(route, byCell, o, usage)) {
      if (b - a + 1 < text.length + 2) continue;
      const mid = a + 1 + Math.floor((b - a - 1 - text.length) / 2);
      const cells = route.cells.slice(mid, mid + text.length);
      if (cells.some((c) => taken[c])) continue;
      // A line running right to left lists its cells from the right: the text starts at the leftmost one.
      at = Math.min(...cells);
      break;
    }
    at ??= besideRun(route, text, o, usage, taken);
    if (at === undefined) continue;
    taken.fill(1, at, at + text.length);
    placed.set(route, { text, cell: at });
  }
  return placed;
}
