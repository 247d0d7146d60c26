/**
 * A private, writable copy of the state that one step works on. `step` copies the parts it may
 * change once, mutates the copy while it processes the step's events in time order, and hands
 * it back as the new state; the input state is never touched.
 */
import type { BackendHealth, DatabaseState, ReplicationState, SimState, VipState } from './types.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export interface Draft extends Omit<Writable<SimState>, 'lbs' | 'vips' | 'databases' | 'replication' | 'appWrites'> {
  lbs: Record<string, { health: Record<string, BackendHealth>; rr: number }>;
  vips: Record<string, VipState>;
  databases: Record<string, DatabaseState>;
  replication: Record<string, ReplicationState>;
  appWrites: Record<string, string | null>;
}

/** A writable copy of `state` (health tables copied, the topology shared). */
export function draft(state: SimState): Draft {
  const lbs: Draft['lbs'] = {};
  for (const [id, lb] of Object.entries(state.lbs)) lbs[id] = { health: { ...lb.health }, rr: lb.rr };
  return {
    ...state,
    lbs,
    vips: { ...state.vips },
    databases: { ...state.databases },
    replication: { ...state.replication },
    appWrites: { ...state.appWrites },
  };
}
