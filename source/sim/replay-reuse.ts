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

/** A counter cell a request moved, and the value it left there. */
interface Move {
  readonly cell: string;
  readonly value: unknown;
}

/** A replay with, per request, the questions it asked, the counters after it and what it moved. */
export interface RecordedReplay {
  readonly state: SimState;
  readonly traces: readonly Trace[];
  readonly asked: readonly Asked[];
  readonly after: readonly Counters[];
  readonly moved: readonly (readonly Move[])[];
}

type Stop = (trace: Trace) => boolean;

const fresh = (state: SimState): Counters => ({ rr: {}, upstreamRr: {}, upstreamFails: {}, dnsCache: state.dnsCache });
const copy = (c: Counters): Counters => ({ rr: { ...c.rr }, upstreamRr: { ...c.upstreamRr }, upstreamFails: { ...c.upstreamFails }, dnsCache: c.dnsCache });

/** Where each kind of counter cell (named as in watch.ts) lives in an overlay, and its value in the state under it. */
const tables = {
  rr: { of: (c: Counters) => c.rr, base: (s: SimState, id: string): unknown => s.lbs[id]?.rr ?? 0 },
  up: { of: (c: Counters) => c.upstreamRr, base: (s: SimState, id: string): unknown => s.upstreamRr[id] ?? 0 },
  fails: { of: (c: Counters) => c.upstreamFails, base: (s: SimState, id: string): unknown => s.upstreamFails[id] ?? {} },
} as const;
type Table = keyof typeof tables;
const tableNames = Object.keys(tables) as Table[];

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

function setCell(c: Counters, cell: string, value: unknown): void {
  if (cell === 'dns') (c as { dnsCache: unknown }).dnsCache = value;
  else {
    const { table, id } = parse(cell);
    (table.of(c) as Record<string, unknown>)[id] = value;
  }
}

/** The cells one request moved: those whose values differ before and after it. */
function movedBy(before: Counters, after: Counters, state: SimState): Move[] {
  const cells = ['dns', ...tableNames.flatMap((t) => Object.keys(tables[t].of(after)).map((id) => `${t}:${id}`))];
  return cells.filter((cell) => !Object.is(cellValue(before, state, cell), cellValue(after, state, cell))).map((cell) => ({ cell, value: cellValue(after, state, cell) }));
}

/** `replayEach` without hops (outcomes only), keeping what a later `replayReusing` needs. */
export function recordReplay(state: SimState, requestAt: (i: number) => Request, times: number, stop?: Stop): RecordedReplay {
  const traces: Trace[] = [];
  const asked: Asked[] = [];
  const after: Counters[] = [];
  const moved: Move[][] = [];
  let counters = fresh(state);
  for (let i = 0; i < times; i++) {
    const before = copy(counters);
    const { result, asked: questions } = watch(() => send(state, requestAt(i), false, counters));
    counters = result.exchange;
    traces.push(result.trace);
    asked.push(questions);
    after.push(copy(counters));
    moved.push(movedBy(before, counters, state));
    if (stop?.(result.trace)) break;
  }
  return { state, traces, asked, after, moved };
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
  const changed = changedDown(recorded.state, state);
  const traces: Trace[] = [];
  let counters = fresh(state);
  // The cells where this replay's counters differ from the recording's at the same point.
  const differs = new Set<string>();
  for (let i = 0; i < times; i++) {
    const asked = recorded.asked[i];
    const moved = recorded.moved[i] ?? [];
    let trace: Trace;
    if (asked && !asksAbout(asked.down, changed) && !asksAbout(asked.counters, differs)) {
      trace = recorded.traces[i] as Trace;
      for (const m of moved) {
        setCell(counters, m.cell, m.value);
        differs.delete(m.cell);
      }
    } else {
      const sent = watch(() => send(state, requestAt(i), false, counters));
      counters = sent.result.exchange;
      trace = sent.result.trace;
      // Only the cells this request or the recorded one moved can have changed side (a request
      // that moves a cell asks about it).
      const then = recorded.after[i];
      if (then) {
        for (const cell of new Set([...differs, ...sent.asked.counters, ...moved.map((m) => m.cell)])) {
          if (sameData(cellValue(counters, state, cell), cellValue(then, state, cell))) differs.delete(cell);
          else differs.add(cell);
        }
      }
    }
    traces.push(trace);
    if (stop?.(trace)) break;
  }
  return { state: withCounters(state, counters), traces };
}
