/**
 * One tick of traffic: send the tick's representatives through the engine, apply capacity, and
 * turn the results into counts (per outcome, per component, per link) and log lines.
 */
import type { Hop, Ms, SimState } from '../types.js';
import type { LineDraft } from './access-log.js';
import { isNonIdempotent } from '../exchange.js';
import { requestClasses } from '../replay.js';
import { classCounts } from './mix.js';
import { sendRepresentatives } from './representatives.js';
import { saturate, type Saturation } from './saturation.js';
import { isFailure, outcomeKey, type Counted } from './tally.js';
import { tickLines } from './tick-lines.js';
import type { ComponentLoad, CurrentLoad, Mix, TrafficOptions } from './types.js';

export interface TickResult {
  readonly sim: SimState;
  readonly carry: Mix;
  readonly turn: Mix;
  readonly counted: readonly Counted[];
  readonly load: Readonly<Record<string, number>>;
  readonly errors: Readonly<Record<string, number>>;
  readonly utilization: Readonly<Record<string, number>>;
  readonly current: CurrentLoad;
  readonly lines: readonly LineDraft[];
}

function add(into: Record<string, number>, id: string, n: number): void {
  into[id] = (into[id] ?? 0) + n;
}

/** Outcomes and per-component errors of a tick. */
function count(sat: Saturation): { counted: Counted[]; errors: Record<string, number> } {
  const counted: Counted[] = [];
  const errors: Record<string, number> = {};
  for (const r of sat.results) {
    const key = outcomeKey(r.rep.trace.outcome);
    counted.push({ key, count: r.served, latency: r.latency });
    if (isFailure(key)) for (const id of r.rep.path) add(errors, id, r.served);
    for (const e of r.excess) {
      counted.push({ key: e.key, count: e.weight, latency: e.latency });
      for (const id of r.rep.path.slice(0, r.rep.path.indexOf(e.at))) add(errors, id, e.weight);
    }
  }
  return { counted, errors };
}

/**
 * How long the request hop `i` of a trace waits for its answer: from when its sender had the
 * request (the last message that reached the sender before) to the answer's arrival back; 0
 * when no answer came back over that link.
 */
function heldOn(hops: readonly Hop[], i: number): Ms {
  const h = hops[i] as Hop;
  let sent = 0;
  for (let k = i - 1; k >= 0; k--) {
    const before = hops[k] as Hop;
    if (before.to === h.from) {
      sent = before.at;
      break;
    }
  }
  const answer = hops.find((a, k) => k > i && a.direction === 'response' && a.from === h.to && a.to === h.from);
  if (answer) return Math.max(0, answer.at - sent);
  // A firewall decides and passes the request on in the same instant: it waits as long as the hop after it.
  const next = hops[i + 1];
  return next?.direction === 'request' && next.from === h.from ? heldOn(hops, i + 1) : 0;
}

/** Per-component load, carried links and the bottleneck, as rates over the tick. */
function currentLoad(sim: SimState, sat: Saturation, ms: Ms): CurrentLoad {
  const perSecond = ms > 0 ? 1000 / ms : 0;
  const components: Record<string, ComponentLoad> = {};
  let bottleneck: string | null = null;
  let worst = 0;
  for (const c of sim.topology.components) {
    const n = sat.load[c.id];
    if (n === undefined) continue;
    const utilization = sat.utilization[c.id] ?? 0;
    // For a pool of workers the capacity depends on how long requests hold them: rps ÷ ρ.
    const capacity = utilization > 0 ? Math.round((n * perSecond) / utilization) : (c.capacity ?? 0);
    components[c.id] = { rps: n * perSecond, capacity, utilization };
    if (utilization > worst) [worst, bottleneck] = [utilization, c.id];
  }
  const links = new Map<string, { from: string; to: string; rps: number; onceRps: number; held: number }>();
  for (const r of sat.results) {
    const { hops } = r.rep.trace;
    const req = requestClasses[r.rep.cls];
    const once = req.kind === 'http' && isNonIdempotent(req);
    hops.forEach((h, i) => {
      if (h.direction !== 'request' || h.result !== 'ok') return;
      const key = `${h.from}>${h.to}`;
      const rps = r.rep.weight * perSecond;
      const link = links.get(key) ?? { from: h.from, to: h.to, rps: 0, onceRps: 0, held: 0 };
      links.set(key, { ...link, rps: link.rps + rps, onceRps: link.onceRps + (once ? rps : 0), held: link.held + rps * heldOn(hops, i) });
    });
  }
  const carried = [...links.values()].map(({ held, ...l }) => ({ ...l, heldMs: l.rps > 0 ? held / l.rps : 0 }));
  return { at: sim.now, components, links: carried, bottleneck };
}

/** Runs one tick of `ms` from `sim.now` (the clock itself is advanced by the caller). */
export function runTick(sim: SimState, options: TrafficOptions, carry: Mix, turn: Mix, ms: Ms): TickResult {
  const split = classCounts(options.qps, options.mix, ms, carry);
  const sent = sendRepresentatives(sim, split.counts, turn);
  const sat = saturate(sim.topology, sent.reps, ms);
  const { counted, errors } = count(sat);
  const current = currentLoad(sim, sat, ms);
  return { sim: sent.state, carry: split.carry, turn: sent.turn, counted, load: sat.load, errors, utilization: sat.utilization, current, lines: tickLines(sim.topology, sat.results) };
}
