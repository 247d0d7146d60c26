/** Sending requests one after another, as the SPOF analysis and capacity model do. */
import { withCounters, type Counters } from './exchange.js';
import { presets } from './request.js';
import { send } from './send.js';
import type { Request, SimState, Trace } from './types.js';

/**
 * Sends `requestAt(0)`, `requestAt(1)`, ... up to `times` requests from `state`, each one seeing
 * the counters the previous ones moved, exactly as a chain of `sendRequest` would (the state is
 * only rebuilt once, at the end). Stops early after a trace for which `stop` holds. Without
 * `detail` the traces carry outcomes only (no hops), which is much cheaper.
 */
export function replayEach(
  state: SimState,
  requestAt: (i: number) => Request,
  times: number,
  options: { detail?: boolean; stop?: (trace: Trace) => boolean } = {},
): { state: SimState; traces: Trace[] } {
  const traces: Trace[] = [];
  let counters: Counters | undefined;
  for (let i = 0; i < times; i++) {
    const { trace, exchange } = send(state, requestAt(i), options.detail ?? true, counters);
    counters = exchange;
    traces.push(trace);
    if (options.stop?.(trace)) break;
  }
  return { state: counters ? withCounters(state, counters) : state, traces };
}

/** Sends `request` `times` times from `state`; returns the traces and the state after them. */
export function replay(state: SimState, request: Request, times: number, detail = true): { state: SimState; traces: Trace[] } {
  return replayEach(state, () => request, times, { detail });
}

/**
 * How many requests of one class it takes for round robin to visit every server and every
 * upstream behind it: the widest backend list times the widest upstream list.
 */
export function roundsToCoverAll(state: SimState): number {
  let backends = 1;
  let upstreams = 1;
  for (const c of state.topology.components) {
    if (c.kind === 'load-balancer') backends = Math.max(backends, c.backends.length);
    if (c.kind === 'web-server') upstreams = Math.max(upstreams, c.upstream.length);
  }
  return Math.max(2, backends * upstreams);
}

/** The three classes, named as the SPOF table speaks of them. */
export const requestClasses = {
  read: presets[0] as Request,
  static: presets[1] as Request,
  write: presets[2] as Request,
};
