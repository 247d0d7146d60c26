/**
 * What a computation asks of the state beyond its fixed parts: which ids it asked were down, which
 * request counters it read or moved, and what a load balancer believed. The engine reports each
 * such question here (`askDown`, `askCounter`, `askBelief`, `tellMoved`); `watch` collects the
 * ids and cells asked, `listen` hears every question with its answer, in order. A computation that
 * got the same answers to every question it asked computes the same, which is what lets a replay
 * or a request be reused (see replay-reuse.ts, send-memo.ts).
 */

/** The questions one computation asked. Counters are named `rr:<lb>`, `up:<web>`, `fails:<web>`, `dns`. */
export interface Asked {
  readonly down: ReadonlySet<string>;
  readonly counters: ReadonlySet<string>;
}

/** The kinds of request counters: an LB's round robin, a web server's over its upstreams and its failed-upstream marks, the browser's DNS cache. */
export type CounterTable = 'rr' | 'up' | 'fails' | 'dns';

/** Hears each question as it is asked, with the answer it got (reads of a counter, moves apart). */
export interface Listener {
  down(id: string, answer: boolean): void;
  belief(lb: string, server: string, up: boolean): void;
  counter(table: CounterTable, id: string, value: unknown): void;
  moved(table: CounterTable, id: string): void;
}

// The questions being collected, and who listens (null when nothing watches, the usual case).
let asking: { down: Set<string>; counters: Set<string> } | null = null;
let listener: Listener | null = null;

/** The name of a counter cell, as `Asked` lists it. */
function cellName(table: CounterTable, id: string): string {
  return table === 'dns' ? 'dns' : `${table}:${id}`;
}

/** The table and id a cell name stands for (see `cellName`). */
export function parseCell(cell: string): { table: CounterTable; id: string } {
  const at = cell.indexOf(':');
  return at < 0 ? { table: 'dns', id: '' } : { table: cell.slice(0, at) as CounterTable, id: cell.slice(at + 1) };
}

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

/** Runs `run` with `l` hearing every question it asks (one listener at a time). */
export function listen<T>(l: Listener, run: () => T): T {
  const outer = listener;
  listener = l;
  try {
    return run();
  } finally {
    listener = outer;
  }
}

/** Reports that whether `id` is down was asked, and the answer. */
export function askDown(id: string, answer: boolean): void {
  asking?.down.add(id);
  listener?.down(id, answer);
}

/** Reports that a load balancer's belief about one of its servers was read. */
export function askBelief(lb: string, server: string, up: boolean): void {
  listener?.belief(lb, server, up);
}

/** Reports that a request counter was read, and its value. */
export function askCounter(table: CounterTable, id: string, value: unknown): void {
  if (asking) asking.counters.add(cellName(table, id));
  listener?.counter(table, id, value);
}

/** Reports that a request counter was moved (which counts as asking about it). */
export function tellMoved(table: CounterTable, id: string): void {
  if (asking) asking.counters.add(cellName(table, id));
  listener?.moved(table, id);
}
