/**
 * Placement along two abstract axes: `main` is the direction of the request flow (x when it runs
 * left to right, y when it runs top to bottom), `cross` is the other one. The same routine places
 * units on the page and components inside a host.
 */
export interface Item {
  readonly id: string;
  readonly main: number;
  readonly cross: number;
}
export interface Placed {
  readonly main: number;
  readonly cross: number;
}

export interface PlaceOptions {
  readonly gapMain: number;
  readonly gapCross: number;
  /** When set, no rank may extend past this cross size: a rank too long is wrapped. */
  readonly maxCross?: number;
  /**
   * Where an item would like its cross start to be, given what is placed already (to line it
   * up with what links to it), or undefined when it has no preference.
   */
  readonly desired: (item: Item, placed: ReadonlyMap<string, Placed>) => number | undefined;
  /** A wider gap after rank `r`, when its lines need more room than `gapMain`. */
  readonly gapAfter?: (r: number) => number;
  /** Shift each run to balance its items' wishes (default); else items only ever move past their wish. */
  readonly balance?: boolean;
}

/** Splits a rank into runs whose cross sizes (with gaps) fit `maxCross`; always at least one item per run. */
function wrap(rank: readonly Item[], gap: number, maxCross: number | undefined): Item[][] {
  if (maxCross === undefined) return [[...rank]];
  const runs: Item[][] = [];
  let run: Item[] = [];
  let used = 0;
  for (const item of rank) {
    const need = run.length === 0 ? item.cross : used + gap + item.cross;
    if (run.length > 0 && need > maxCross) {
      runs.push(run);
      run = [item];
      used = item.cross;
    } else {
      run.push(item);
      used = need;
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Places one run: each item at its wish or just after the previous one, then the run is shifted to balance the wishes. */
function placeRun(run: readonly Item[], main: number, options: PlaceOptions, placed: Map<string, Placed>): void {
  let next = Number.NEGATIVE_INFINITY;
  const wishes: { cross: number; wish: number | undefined }[] = [];
  for (const item of run) {
    const wish = options.desired(item, placed);
    const first = next === Number.NEGATIVE_INFINITY;
    // Under a cross limit the run stays packed so it always fits; wishes only shift it as a whole.
    const start = first ? (options.maxCross === undefined ? (wish ?? 0) : 0) : options.maxCross === undefined ? Math.max(wish ?? next, next) : next;
    wishes.push({ cross: start, wish });
    next = start + item.cross + options.gapCross;
  }
  const pulled = wishes.filter((w) => w.wish !== undefined);
  const shift = pulled.length === 0 || options.balance === false ? 0 : Math.round(pulled.reduce((s, w) => s + ((w.wish ?? 0) - w.cross), 0) / pulled.length);
  const first = wishes[0]?.cross ?? 0;
  const last = run.length > 0 ? (wishes[run.length - 1]?.cross ?? 0) + (run[run.length - 1]?.cross ?? 0) : 0;
  let offset = shift;
  if (options.maxCross !== undefined) {
    offset = Math.min(Math.max(offset, -first), options.maxCross - last);
  }
  run.forEach((item, i) => placed.set(item.id, { main, cross: (wishes[i]?.cross ?? 0) + offset }));
}

/**
 * Places ranks one after the other along the main axis and the items of each rank along the
 * cross axis. Guaranteed: items never overlap (gaps kept on both axes); with `maxCross` every
 * item lies within [0, maxCross) when it fits at all; without it, the smallest cross is 0.
 */
export function placeRanks(ranks: readonly (readonly Item[])[], options: PlaceOptions): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  let main = 0;
  ranks.forEach((rank, r) => {
    for (const run of wrap(rank, options.gapCross, options.maxCross)) {
      if (run.length === 0) continue;
      placeRun(run, main, options, placed);
      main += Math.max(...run.map((i) => i.main)) + Math.max(options.gapMain, options.gapAfter?.(r) ?? 0);
    }
  });
  if (options.maxCross === undefined) {
    const least = Math.min(0, ...[...placed.values()].map((p) => p.cross));
    for (const [id, p] of placed) placed.set(id, { main: p.main, cross: p.cross - least });
  }
  return placed;
}
