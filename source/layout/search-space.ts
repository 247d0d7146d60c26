import { setVerdicts, type SetVerdicts } from './line-sets.js';

/** Reusable buffers for searches on one page. */
export interface SearchSpace {
  readonly g: Int32Array;
  readonly parent: Int32Array;
  readonly stamp: Int32Array;
  /** The round a state was last expanded in, and its cost then: a stale heap entry is skipped. */
  readonly closed: Int32Array;
  readonly closedG: Int32Array;
  /** This search's verdicts on the sets of lines it meets (see `allFit`). */
  readonly verdicts: SetVerdicts;
  /** Counts searches: an entry stamped with an older round is stale. */
  round: number;
  /** The open states, a binary min-heap on the estimated cost (`heapF`, states in `heapS`). */
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
    spare = {
      g: new Int32Array(states),
      parent: new Int32Array(states),
      stamp: new Int32Array(states),
      closed: new Int32Array(states),
      closedG: new Int32Array(states),
      verdicts: setVerdicts(),
      round: 0,
      heapF: [],
      heapS: [],
    };
  }
  return spare;
}

/** Adds state `s` at estimated cost `f` to the heap. */
export function push(space: SearchSpace, f: number, s: number): void {
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

/** Takes the state of least estimated cost off the heap (-1 when empty). */
export function pop(space: SearchSpace): number {
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

