/**
 * What a computation asks of the state beyond its fixed parts: which ids it asked were down and
 * which request counters it read. The engine reports each such question here (`askDown`,
 * `askCounter`); `watch` collects them. A computation that got the same answers to every question
 * it asked computes the same, which is what lets a replay be reused (see replay-reuse.ts).
 */

/** The questions one computation asked. Counters are named `rr:<lb>`, `up:<web>`, `fails:<web>`, `dns`. */
export interface Asked {
  readonly down: ReadonlySet<string>;
  readonly counters: ReadonlySet<string>;
}

// The questions being collected (null when nothing watches, the usual case).
let asking: { down: Set<string>; counters: Set<string> } | null = null;

/** Runs `run` and collects the questions it asked. Calls nest: the outer watch sees them too. */
export function watch<T>(run: () => T): { result: T; asked: Asked } {
  const outer = asking;
  const mine = { down: new Set<string>(), counters: new Set<string>() };
  asking = mine;
  try {
    return { result: run(), asked: mine };
  } finally {
    asking = outer;
    if (outer) {
      for (const id of mine.down) outer.down.add(id);
      for (const c of mine.counters) outer.counters.add(c);
    }
  }
}

/** Reports that whether `id` is down was asked. */
export function askDown(id: string): void {
  asking?.down.add(id);
}

/** Reports that a request counter was read. */
export function askCounter(cell: string): void {
  asking?.counters.add(cell);
}
