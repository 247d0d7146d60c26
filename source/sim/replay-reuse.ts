/**
 * Replays that reuse a replay already made on a state that differs only in what is down, as the
 * SPOF analysis makes one per failure: a request that asks about nothing the failure changed,
 * and about no counter that the requests before it left otherwise than in the recording, goes
 * exactly as before, so its trace is taken as it was. The others are sent for real. Runs of
 * requests that go as recorded are taken whole, their counters caught up only when needed.
 */
import { counterValue, setCounter, type Counters } from './exchange.js';
import { memoSender, type SendMemo } from './send-memo.js';
import { changedDown, sameButDown, sameData } from './state-diff.js';
import type { Request, SimState, Trace } from './types.js';
import { parseCell, type CounterTable } from './watch.js';

/** A counter cell a request moved (its name, table and id), and the value it left there. */
interface Move {
  readonly cell: string;
  readonly table: CounterTable;
  readonly id: string;
  readonly value: unknown;
}

/** A replay with, per request, the questions it asked and the counters it moved. */
export interface RecordedReplay {
  readonly state: SimState;
  readonly traces: readonly Trace[];
  readonly moved: readonly (readonly Move[])[];
  /** Per id: the requests that asked whether it was down, in order. */
  readonly askedBy: ReadonlyMap<string, readonly number[]>;
  /** Per cell: the requests that asked about it (read or moved it), in order. */
  readonly askers: ReadonlyMap<string, readonly number[]>;
  /** Per cell: the requests that moved it, in order, and their moves. */
  readonly history: ReadonlyMap<string, { readonly at: number[]; readonly moves: Move[] }>;
}

type Stop = (trace: Trace) => boolean;

const fresh = (state: SimState): Counters => ({ rr: {}, upstreamRr: {}, upstreamFails: {}, dnsCache: state.dnsCache });

function cellValue(c: Counters, state: SimState, cell: string): unknown {
  const { table, id } = parseCell(cell);
  return counterValue(c, state, table, id);
}

function moveOf(cell: string, value: unknown): Move {
  return { cell, ...parseCell(cell), value };
}

/** Makes `m` on the overlay `c`. */
function applyMove(c: Counters, m: Move): void {
  setCounter(c, m.table, m.id, m.value);
}

/** Where in `at` (sorted) the last entry at or before `i` is, or -1. */
function lastAtOrBefore(at: readonly number[], i: number): number {
  let found = -1;
  let lo = 0;
  let hi = at.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) <= i) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A cell's value in the recording after request `i` (before the first when `i` is -1). */
function valueAfter(recorded: RecordedReplay, cell: string, i: number): unknown {
  const h = recorded.history.get(cell);
  const found = h ? lastAtOrBefore(h.at, i) : -1;
  return h && found >= 0 ? h.moves[found]?.value : cellValue(fresh(recorded.state), recorded.state, cell);
}

/**
 * Makes on `c` what requests `from` to `to - 1` of the recording moved, leaving each cell as the
 * last of them left it: move by move for a short stretch, cell by cell for a long one.
 */
function catchUp(recorded: RecordedReplay, c: Counters, from: number, to: number): void {
  if (to - from <= recorded.history.size) {
    for (let k = from; k < to; k++) for (const m of recorded.moved[k] ?? []) applyMove(c, m);
    return;
  }
  for (const h of recorded.history.values()) {
    const found = lastAtOrBefore(h.at, to - 1);
    const m = h.moves[found];
    if (m && (h.at[found] as number) >= from) applyMove(c, m);
  }
}

/** The first request from `i` on that asked about `cell` in the recording (Infinity if none). */
function nextAsker(recorded: RecordedReplay, cell: string, i: number): number {
  const list = recorded.askers.get(cell) ?? [];
  const before = lastAtOrBefore(list, i - 1);
  return list[before + 1] ?? Infinity;
}

/** How a replay is made: `stop` ends it after the first trace for which it holds; `memo` keeps the paths of its requests. */
interface ReplayOptions {
  readonly stop?: Stop;
  readonly memo?: SendMemo;
}

/** `replayEach` without hops (outcomes only), keeping what a later `replayReusing` needs. */
export function recordReplay(state: SimState, requestAt: (i: number) => Request, times: number, { stop, memo }: ReplayOptions = {}): RecordedReplay {
  const recorded = { state, traces: [] as Trace[], moved: [] as Move[][], askedBy: new Map<string, number[]>(), askers: new Map<string, number[]>(), history: new Map<string, { at: number[]; moves: Move[] }>() };
  const note = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const sender = memoSender(memo, state);
  let counters = fresh(state);
  for (let i = 0; i < times; i++) {
    const sent = sender(requestAt(i), counters);
    const { trace, asked } = sent;
    counters = sent.counters;
    // A request that moves a cell asks about it: the cells it asked hold all it moved.
    const moved = [...asked.counters].map((cell) => moveOf(cell, cellValue(counters, state, cell))).filter((m) => !Object.is(m.value, valueAfter(recorded, m.cell, i - 1)));
    for (const id of asked.down) note(recorded.askedBy, id, i);
    for (const cell of asked.counters) note(recorded.askers, cell, i);
    for (const m of moved) {
      const h = recorded.history.get(m.cell) ?? { at: [], moves: [] };
      h.at.push(i);
      h.moves.push(m);
      recorded.history.set(m.cell, h);
    }
    recorded.traces.push(trace);
    recorded.moved.push(moved);
    if (stop?.(trace)) break;
  }
  return recorded;
}

/**
 * The traces of `replayEach(state, requestAt, times, { detail: false, stop })`, reusing `recorded`
 * (made with the same `requestAt` and `stop`) where it soundly can: when `state` differs from
 * the recorded one only in what is down, a request that asks about none of those ids and reads
 * only counters that are what they were in the recording keeps its recorded trace and moves its
 * counters as it did then. The others are sent, through `memo` when given (send-memo.ts). The
 * traces may be shared with the recording: never change them.
 */
export function replayReusing(recorded: RecordedReplay | null, state: SimState, requestAt: (i: number) => Request, times: number, { stop, memo }: ReplayOptions = {}): readonly Trace[] {
  const sender = memoSender(memo, state);
  let counters = fresh(state);
  const traces: Trace[] = [];
  if (!recorded || !sameButDown(recorded.state, state)) {
    for (let i = 0; i < times; i++) {
      const sent = sender(requestAt(i), counters);
      counters = sent.counters;
      traces.push(sent.trace);
      if (stop?.(sent.trace)) break;
    }
    return traces;
  }
  // The requests that asked about an id this state has down and the recorded one not, or the other way, in order.
  const changed = [...new Set(changedDown(recorded.state, state).flatMap((id) => recorded.askedBy.get(id) ?? []))].sort((a, b) => a - b);
  let nextChanged = 0;
  // The cells where this replay's counters differ from the recording's at the same point.
  const differs = new Set<string>();
  // The counters hold the recording's moves up to here (stretches taken whole are caught up when needed).
  let synced = 0;
  const reusable = Math.min(times, recorded.traces.length);
  for (let i = 0; i < times; ) {
    // Up to the next request that asks about a changed id or a cell that differs, all go as
    // recorded: they got the same answers (and moved no cell that differs: moving one asks about it).
    while ((changed[nextChanged] ?? Infinity) < i) nextChanged++;
    let end = Math.min(reusable, changed[nextChanged] ?? Infinity);
    for (const cell of differs) end = Math.min(end, nextAsker(recorded, cell, i));
    if (end > i) {
      const whole = i === 0 && end === recorded.traces.length;
      if (whole && (end === times || stop?.(recorded.traces[end - 1] as Trace))) return recorded.traces;
      for (let k = i; k < end; k++) traces.push(recorded.traces[k] as Trace);
      i = end;
      // The recording went on after every trace but its last: only that one can stop it.
      if (stop?.(traces[traces.length - 1] as Trace)) break;
      continue;
    }
    catchUp(recorded, counters, synced, i);
    synced = i + 1;
    const sent = sender(requestAt(i), counters);
    counters = sent.counters;
    if (i < recorded.traces.length) {
      // Only the cells this request or the recorded one moved can have changed side (a request
      // that moves a cell asks about it).
      for (const cell of new Set([...sent.asked.counters, ...(recorded.moved[i] ?? []).map((m) => m.cell)])) {
        if (sameData(cellValue(counters, state, cell), valueAfter(recorded, cell, i))) differs.delete(cell);
        else differs.add(cell);
      }
    }
    traces.push(sent.trace);
    i++;
    if (stop?.(sent.trace)) break;
  }
  return traces;
}
