import { loadBuiltin } from '../../../source/model/load-builtins.js';
import { createSim } from '../../../source/sim/engine.js';
import { startTraffic, tickTraffic, trafficInput } from '../../../source/sim/traffic/traffic.js';
import type { TrafficInput, TrafficOptions, TrafficState } from '../../../source/sim/traffic/types.js';

/** Traffic on a built-in design, from a freshly started system. */
export function traffic(design: string, options: Partial<TrafficOptions> = {}): TrafficState {
  return startTraffic(createSim(loadBuiltin(design)), options);
}

/** Runs `ms` of traffic. */
export function run(ts: TrafficState, ms: number): TrafficState {
  return tickTraffic(ts, ms).state;
}

export function act(ts: TrafficState, input: TrafficInput): TrafficState {
  return trafficInput(ts, input).state;
}

/** Failed requests per second over `seconds` seconds, and the state after them. */
export function failuresPerSecond(ts: TrafficState, seconds: number): { state: TrafficState; failures: number[] } {
  let s = ts;
  const failures: number[] = [];
  for (let i = 0; i < seconds; i++) {
    const before = s.totals.failed;
    s = run(s, 1000);
    failures.push(Math.round(s.totals.failed - before));
  }
  return { state: s, failures };
}
