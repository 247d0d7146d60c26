/**
 * What the simulation predicts for a scenario, through the engine's public API only: the
 * outcome of a request (status, body, HAProxy's termination flags, the time HAProxy took), and
 * when HAProxy reports a server DOWN after a failure.
 */
import type { Topology } from '../../source/model/types.js';
import { parseRequest } from '../../source/grammar/request.js';
import { createSim, INTERNET_MS, settle, step, type SimInput, type SimState } from '../../source/sim/index.js';

export interface Prediction {
  readonly status: number | null;
  readonly body: string | null;
  /** The first two characters of HAProxy's termination state (`--` when it logged no error). */
  readonly flags: string;
  /** The server in HAProxy's log (`<NOSRV>` when none was picked), or null. */
  readonly server: string | null;
  /** From the request reaching HAProxy to HAProxy's answer, in ms. */
  readonly lbMs: number;
}

/** The state after `inputs` (settled first when asked), and the events on the way. */
export function prepare(topology: Topology, inputs: readonly SimInput[], settled: boolean): SimState {
  let state = createSim(topology, { seed: 1 });
  for (const input of inputs) state = step(state, input).state;
  return settled ? settle(state).state : state;
}

/** Sends `request` on `state`; returns the prediction and the next state. */
export function predict(state: SimState, request: string, lb = 'haproxy-1'): { prediction: Prediction; state: SimState } {
  const r = step(state, { type: 'send', request: parseRequest(request) });
  const trace = r.trace;
  if (!trace) throw new Error('the engine returned no trace');
  const arrive = trace.hops.find((h) => h.to === lb && h.direction === 'request')?.at ?? 0;
  // The answer's hop is stamped when it reaches the browser, one internet leg after HAProxy sent it.
  const leave = ([...trace.hops].reverse().find((h) => h.from === lb && h.direction === 'response')?.at ?? trace.duration) - INTERNET_MS;
  const logs = r.events.filter((e) => e.source === lb).map((e) => e.text);
  const flagged = logs.map((t) => /termination flags (\S\S)/.exec(t)?.[1]).find((f) => f !== undefined);
  const nosrv = logs.some((t) => t.includes('<NOSRV>'));
  const picked = trace.hops.find((h) => h.from === lb && h.direction === 'request')?.to ?? null;
  return {
    prediction: {
      status: trace.outcome.status,
      body: trace.outcome.body,
      flags: flagged ?? '--',
      server: nosrv ? '<NOSRV>' : (trace.outcome.servedBy === lb ? picked : trace.outcome.servedBy),
      lbMs: leave - arrive,
    },
    state: r.state,
  };
}

/** Ms from the last input to HAProxy's "Server web/<server> is DOWN|UP" in the simulation. */
export function detection(state: SimState, server: string, up: boolean, within = 60_000): number {
  const start = state.now;
  const r = step(state, { type: 'advance', ms: within });
  const hit = r.events.find((e) => e.kind === 'health' && e.text.includes(`/${server} is ${up ? 'UP' : 'DOWN'}`));
  if (!hit) throw new Error(`the simulation never reports ${server} ${up ? 'UP' : 'DOWN'}`);
  return hit.at - start;
}
