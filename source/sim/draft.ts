/**
 * A private, writable copy of the state that one step works on. `step` drafts the state, mutates
 * the draft while it processes the step's events in time order, and hands it back as the new
 * state; the input state is never touched. The tables of the draft (LBs and their health, VIPs,
 * databases, replication, writes) stay shared with the state drafted from until they are first
 * written through `writable` or `writableHealth`, which copy them then: a step that changes
 * little copies little, and states that share their tables compare at once (state-diff.ts).
 */
import type { BackendHealth, SimState } from './types.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export type Draft = Writable<SimState>;

/** The tables a draft shares until it writes them. */
type Table = 'lbs' | 'vips' | 'databases' | 'replication' | 'appWrites';

// Per draft, the tables (and LB health tables, as `lbs <id>`) it has copied already.
const copied = new WeakMap<Draft, Set<string>>();

/** Whether `key` of `d` was copied already; marks it copied. */
function once(d: Draft, key: string): boolean {
  let keys = copied.get(d);
  if (!keys) copied.set(d, (keys = new Set()));
  if (keys.has(key)) return true;
  keys.add(key);
  return false;
}

/** A writable copy of `state`, sharing its tables until they are written. */
export function draft(state: SimState): Draft {
  return { ...state };
}

/** `d[table]`, ready to be written: copied the first time in this draft. */
export function writable<T extends Table>(d: Draft, table: T): Writable<SimState[T]> {
  if (!once(d, table)) d[table] = { ...d[table] } as Draft[T];
  return d[table] as Writable<SimState[T]>;
}

/** The health table of LB `id` in `d`, ready to be written (copied the first time), or undefined for an id with none. */
export function writableHealth(d: Draft, id: string): Record<string, BackendHealth> | undefined {
  const lb = d.lbs[id];
  if (!lb) return undefined;
  if (once(d, `lbs ${id}`)) return lb.health as Record<string, BackendHealth>;
  const own = { ...lb.health };
  writable(d, 'lbs')[id] = { health: own, rr: lb.rr };
  return own;
}
