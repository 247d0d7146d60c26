/** Small helpers for the engine tests: run a scenario the way the CLI does. */
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { createSim, settle, step } from '../../source/sim/engine.js';
import { parseRequest } from '../../source/grammar/request.js';
import type { ClientOs } from '../../source/sim/browser-os.js';
import type { Topology } from '../../source/model/types.js';
import type { SimEvent, SimState, Trace } from '../../source/sim/types.js';

export interface Scenario {
  readonly design: string;
  readonly fail?: readonly string[];
  /** Ms after the failures; settled when absent. */
  readonly after?: number;
  readonly seed?: number;
  /** The browser's operating system (default: the engine's, Linux). */
  readonly client?: ClientOs;
  /** A variant of the design to use instead of the built-in file. */
  readonly topology?: Topology;
}

/** The state a scenario reaches before any request is sent, and the events on the way. */
export function prepared(s: Scenario): { state: SimState; events: SimEvent[] } {
  let state = createSim(s.topology ?? loadBuiltin(s.design), { seed: s.seed ?? 1, ...(s.client ? { client: s.client } : {}) });
  const events: SimEvent[] = [];
  for (const id of s.fail ?? []) {
    const r = step(state, { type: 'fail', id });
    state = r.state;
    events.push(...r.events);
  }
  const r = s.after === undefined ? settle(state) : step(state, { type: 'advance', ms: s.after });
  events.push(...r.events);
  return { state: r.state, events };
}

/** Sends `request` `count` times in a row from the scenario's state. */
export function traces(s: Scenario, request: string, count = 1): Trace[] {
  let { state } = prepared(s);
  const out: Trace[] = [];
  for (let i = 0; i < count; i++) {
    const r = step(state, { type: 'send', request: parseRequest(request) });
    state = r.state;
    if (r.trace) out.push(r.trace);
  }
  return out;
}

/** The single trace of one request. */
export function trace(s: Scenario, request = 'GET /'): Trace {
  const [t] = traces(s, request);
  if (!t) throw new Error('no trace');
  return t;
}
