/**
 * The lines running through a cell one way, as interned sets of (source group, target group)
 * pairs. Cells that saw the same lines in the same order (every cell along a shared trunk) hold
 * the same id, and each set knows the set it grew from, so a search judges a busy trunk once
 * per distinct set, and each set in one step from the set before it, instead of walking every
 * line in every cell.
 */
export interface LineSets {
  /** Per id: the set without its last pair (-1 for the empty set, id 0). */
  readonly parent: number[];
  /** Per id: the last pair's source and target groups. */
  readonly src: number[];
  readonly dst: number[];
  /** `parent id * 2^32 + pair key` → id, so equal histories share one id. */
  readonly next: Map<number, number>;
}

/** The empty set's id: a cell no line runs through that way. */
export const emptySet = 0;

export function lineSets(): LineSets {
  return { parent: [-1], src: [-1], dst: [-1], next: new Map() };
}

/** The id of set `id` with the line `src → dst` added. Group numbers are below 2^16. */
export function extend(sets: LineSets, id: number, src: number, dst: number): number {
  const key = id * 0x1_0000_0000 + src * 0x10000 + dst;
  const safe = Number.isSafeInteger(key);
  const known = safe ? sets.next.get(key) : undefined;
  if (known !== undefined) return known;
  const made = sets.parent.length;
  sets.parent.push(id);
  sets.src.push(src);
  sets.dst.push(dst);
  if (safe) sets.next.set(key, made);
  return made;
}

/** Per-search answers by set id: `known[id] === round` when `fits[id]` holds this search's answer. */
export interface SetVerdicts {
  readonly known: number[];
  readonly fits: number[];
  readonly chain: number[];
}

export function setVerdicts(): SetVerdicts {
  return { known: [], fits: [], chain: [] };
}

/**
 * Whether every line in set `id` passes `ok(src, dst)`, remembered for this `round`: a set's
 * answer is its parent's answer and the check of its last pair.
 */
export function allFit(sets: LineSets, memo: SetVerdicts, round: number, id: number, ok: (src: number, dst: number) => boolean): boolean {
  const { known, fits, chain } = memo;
  if (id === emptySet) return true;
  if (known[id] === round) return fits[id] === 1;
  // The sets between this one and the nearest judged ancestor, judged from the oldest down.
  let depth = 0;
  let x = id;
  while (x !== emptySet && known[x] !== round) {
    chain[depth++] = x;
    x = sets.parent[x] ?? emptySet;
  }
  let fit = x === emptySet || fits[x] === 1;
  while (depth > 0) {
    const y = chain[--depth] ?? emptySet;
    fit = fit && ok(sets.src[y] ?? -1, sets.dst[y] ?? -1);
    known[y] = round;
    fits[y] = fit ? 1 : 0;
  }
  return fit;
}
