/** Sending the same request several times in a row, as the SPOF analysis and capacity model do. */
import { sendRequest } from './engine.js';
import { presets } from './request.js';
import type { Request, SimState, Trace } from './types.js';

/**
 * Sends `request` `times` times from `state`; returns the traces and the state after them.
 * Without `detail` the traces carry outcomes only (no hops), which is much cheaper.
 */
export function replay(state: SimState, request: Request, times: number, detail = true): { state: SimState; traces: Trace[] } {
  let s = state;
  const traces: Trace[] = [];
  for (let i = 0; i < times; i++) {
    const r = sendRequest(s, request, { detail });
    s = r.state;
    if (r.trace) traces.push(r.trace);
  }
  return { state: s, traces };
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
