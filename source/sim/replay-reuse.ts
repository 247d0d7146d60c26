/**
 * Replays that reuse a replay already made on a state that differs only in what is down, as the
 * SPOF analysis makes one per failure: a request that asks about nothing the failure changed,
 * sent with the same counters, goes exactly as before, so its trace is taken as it was. The
 * requests that do ask are sent for real, and reuse resumes as soon as the counters they moved
 * are back where the recorded replay had them.
 */
import { withCounters, type Counters } from './exchange.js';
import { replayEach } from './replay.js';
import { send } from './send.js';
import { asksAbout, changedDown, sameButDown, sameData } from './state-diff.js';
import type { Request, SimState, Trace } from './types.js';
import { watch, type Asked } from './watch.js';

/** A counter cell a request moved (its table and id, null for the DNS cache), and the value it left there. */
interface Move {
  readonly cell: string;
  readonly table: Table | null;
  readonly id: string;
  readonly value: unknown;
}

/** A replay with, per request, the questions it asked and the counters it moved. */
export interface RecordedReplay {
  readonly state: SimState;
  readonly traces: readonly Trace[];
  readonly asked: readonly Asked[];
  readonly moved: readonly (readonly Move[])[];
  /** Per id: the requests that asked whether it was down, in order. */
  readonly askedBy: ReadonlyMap<string, readonly number[]>;
  /** Per cell: the requests that moved it, in order, and the values they left. */
  readonly history: ReadonlyMap<string, { readonly at: number[]; readonly values: unknown[] }>;
}

type Stop = (trace: Trace) => boolean;

const fresh = (state: SimState): Counters => ({ rr: {}, upstreamRr: {}, upstreamFails: {}, dnsCache: state.dnsCache });

/** Where each kind of counter cell (named as in watch.ts) lives in an overlay, and its value in the state under it. */
const tables = {
  rr: { of: (c: Counters) => c.rr, base: (s: SimState, id: string): unknown => s.lbs[id]?.rr ?? 0 },
  up: { of: (c: Counters) => c.upstreamRr, base: (s: SimState, id: string): unknown => s.upstreamRr[id] ?? 0 },
  fails: { of: (c: Counters) => c.upstreamFails, base: (s: SimState, id: string): unknown => s.upstreamFails[id] ?? {} },
} as const;
type Table = keyof typeof tables;

function parse(cell: string): { table: (typeof tables)[Table]; id: string } {
  const at = cell.indexOf(':');
  return { table: tables[cell.slice(0, at) as Table], id: cell.slice(at + 1) };
}

function cellValue(c: Counters, state: SimState, cell: string): unknown {
  if (cell === 'dns') return c.dnsCache;
  const { table, id } = parse(cell);
  const own = (table.of(c) as Record<string, unknown>)[id];
  return own !== undefined ? own : table.base(state, id);
}

function moveOf(cell: string, value: unknown): Move {
  const at = cell.indexOf(':');
  return cell === 'dns' ? { cell, table: null, id: '', value } : { cell, table: cell.slice(0, at) as Table, id: cell.slice(at + 1), value };
}

/** Makes `m` on the overlay `c`. */
function applyMove(c: Counters, m: Move): void {
  if (m.table === null) (c as { dnsCache: unknown }).dnsCache = m.value;
  else (tables[m.table].of(c) as Record<string, unknown>)[m.id] = m.value;
}

/** A cell's value in the recording after request `i` (before the first when `i` is -1). */
function valueAfter(recorded: RecordedReplay, cell: string, i: number): unknown {
  const h = recorded.history.get(cell);
  let found = -1;
  if (h) {
    // The last move at or before i (binary search: moves are in order).
    let lo = 0;
    let hi = h.at.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((h.at[mid] as number) <= i) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
  }
  return h && found >= 0 ? h.values[found] : cellValue(fresh(recorded.state), recorded.state, cell);
}

/** `replayEach` without hops (outcomes only), keeping what a later `replayReusing` needs. */
export function recordReplay(state: SimState, requestAt: (i: number) => Request, times: number, stop?: Stop): RecordedReplay {
  const recorded = { state, traces: [] as Trace[], asked: [] as Asked[], moved: [] as Move[][], askedBy: new Map<string, number[]>(), history: new Map<string, { at: number[]; values: unknown[] }>() };
  let counters = fresh(state);
  for (let i = 0; i < times; i++) {
    const { result, asked } = watch(() => send(state, requestAt(i), false, counters));
    counters = result.exchange;
    // A request that moves a cell asks about it: the cells it asked hold all it moved.
    const moved = [...asked.counters].map((cell) => moveOf(cell, cellValue(counters, state, cell))).filter((m) => !Object.is(m.value, valueAfter(recorded, m.cell, i - 1)));
    for (const id of asked.down) {
      const by = recorded.askedBy.get(id);
      if (by) by.push(i);
      else recorded.askedBy.set(id, [i]);
    }
    for (const m of moved) {
      const h = recorded.history.get(m.cell) ?? { at: [], values: [] };
      h.at.push(i);
      h.values.push(m.value);
      recorded.history.set(m.cell, h);
    }
    recorded.traces.push(result.trace);
    recorded.asked.push(asked);
    recorded.moved.push(moved);
    if (stop?.(result.trace)) break;
  }
  return recorded;
}

/**
 * Exactly `replayEach(state, requestAt, times, { detail: false, stop })`, reusing `recorded` (made
 * with the same `requestAt` and `stop`) where it soundly can: when `state` differs from the
 * recorded one only in what is down, a request that asks about none of those ids and reads only
 * counters that are what they were in the recording keeps its recorded trace and moves its
 * counters as it did then. The others are sent.
 */
export function replayReusing(recorded: RecordedReplay | null, state: SimState, requestAt: (i: number) => Request, times: number, stop?: Stop): { state: SimState; traces: Trace[] } {
  if (!recorded || !sameButDown(recorded.state, state)) return replayEach(state, requestAt, times, { detail: false, ...(stop ? { stop } : {}) });
  // The requests that asked about an id this state has down and the recorded one not, or the other way.
  const asksChanged = new Uint8Array(recorded.traces.length);
  for (const id of changedDown(recorded.state, state)) for (const i of recorded.askedBy.get(id) ?? []) asksChanged[i] = 1;
  const traces: Trace[] = [];
  let counters = fresh(state);
  // The cells where this replay's counters differ from the recording's at the same point.
  const differs = new Set<string>();
  for (let i = 0; i < times; i++) {
    const asked = recorded.asked[i];
    const moved = recorded.moved[i] ?? [];
    let trace: Trace;
    if (asked && asksChanged[i] === 0 && (differs.size === 0 || !asksAbout(asked.counters, differs))) {
      trace = recorded.traces[i] as Trace;
      for (const m of moved) {
        applyMove(counters, m);
        differs.delete(m.cell);
      }
    } else {
      const sent = watch(() => send(state, requestAt(i), false, counters));
      counters = sent.result.exchange;
      trace = sent.result.trace;
      // Only the cells this request or the recorded one moved can have changed side (a request
      // that moves a cell asks about it).
      if (i < recorded.traces.length) {
        for (const cell of new Set([...differs, ...sent.asked.counters, ...moved.map((m) => m.cell)])) {
          if (sameData(cellValue(counters, state, cell), valueAfter(recorded, cell, i))) differs.delete(cell);
          else differs.add(cell);
        }
      }
    }
    traces.push(trace);
    if (stop?.(trace)) break;
  }
  return { state: withCounters(state, counters), traces };
}
