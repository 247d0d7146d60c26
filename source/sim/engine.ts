/**
 * The simulation engine: state in, new state and events out. Pure and deterministic: the same
 * state and input always give the same result, the input state is never mutated, time only
 * moves on the virtual clock and randomness comes from the seed kept in the state.
 */
import type { Ms, Topology } from '../model/types.js';
import { runClock } from './clock.js';
import { draft } from './draft.js';
import { withCounters } from './exchange.js';
import { defaultClientOs, type ClientOs } from './browser-os.js';
import { checkId, fail, hang, heal } from './failures.js';
import { settledHealth } from './health-checks.js';
import { setMaintenance } from './maintenance.js';
import { draw, seedState } from './random.js';
import { isDown } from './reality.js';
import { promote } from './replication.js';
import { send } from './send.js';
import { SETTLE_LIMIT } from './timings.js';
import { topologyIndex } from './topology-index.js';
import type { HealthRow, LbState, Request, SimEvent, SimInput, SimState, StepResult } from './types.js';

export { failuresOf, failureStateOf, isDown, isHung } from './reality.js';

/**
 * A running system with nothing failed: every LB's belief matches reality, each server's next
 * check falls at a seeded point of its interval (the system has been running for a while, so a
 * failure lands anywhere in the check cycle), VIPs are held by their first member.
 */
export function createSim(topology: Topology, options: { seed?: number; client?: ClientOs } = {}): SimState {
  const seed = options.seed ?? 1;
  let rng = seedState(seed);
  const base: SimState = {
    topology, seed, client: options.client ?? defaultClientOs, rng, now: 0, failed: [], hung: [], lbs: {}, vips: {}, databases: {}, replication: {},
    appWrites: {}, upstreamFails: {}, upstreamRr: {}, dnsCache: null,
  };
  const lbs: Record<string, LbState> = {};
  for (const lb of topologyIndex(topology).loadBalancers) {
    const phases = lb.backends.map(() => {
      const d = draw(rng);
      rng = d.next;
      return Math.floor(d.value * lb.health.inter);
    });
    lbs[lb.id] = { health: settledHealth(base, lb, (i) => phases[i] ?? 0), rr: 0 };
  }
  const databases: Record<string, SimState['databases'][string]> = {};
  const appWrites: Record<string, string | null> = {};
  for (const c of topology.components) {
    if (c.kind === 'database') databases[c.id] = { readOnly: c.role === 'replica', source: c.replicates ?? null };
    if (c.kind === 'app-server') appWrites[c.id] = c.database?.writes ?? null;
  }
  const vips: Record<string, SimState['vips'][string]> = {};
  const replication: Record<string, SimState['replication'][string]> = {};
  for (const cl of topology.clusters) {
    if (cl.kind === 'vip') vips[cl.id] = { holder: cl.members[0] ?? null, takeover: null };
    else replication[cl.id] = { primary: cl.primary, failoverAt: null };
  }
  return { ...base, rng, lbs, databases, appWrites, vips, replication };
}

function promoteInput(state: SimState, id: string): StepResult {
  const d = draft(state);
  const events: SimEvent[] = [];
  const cluster = state.topology.clusters.find((c) => c.kind === 'replication' && (c.replicas.includes(id) || c.primary === id));
  if (cluster?.kind === 'replication') promote(d, cluster, id, 'manual', events);
  else events.push({ at: state.now, source: id, kind: 'replication', level: 'error', text: `${id} is not in a replication cluster: nothing to promote` });
  return { state: d, events };
}

function maintenanceInput(state: SimState, lbId: string, server: string, on: boolean): StepResult {
  const lb = topologyIndex(state.topology).component(lbId);
  if (lb?.kind !== 'load-balancer') throw new Error(`${lbId} is not a load balancer`);
  if (!lb.backends.includes(server)) throw new Error(`${server} is not a server of ${lbId} (its servers: ${lb.backends.join(', ')})`);
  const d = draft(state);
  const events: SimEvent[] = [];
  return { state: setMaintenance(d, lb, server, on, events) ? d : state, events };
}

/**
 * Applies one input. Pure: `state` is never mutated; the result is a new state and what happened.
 * Throws a one-line Error for an id the topology does not have (or a component that cannot do
 * what is asked, such as hanging a load balancer).
 */
export function step(state: SimState, input: SimInput): StepResult {
  switch (input.type) {
    case 'fail':
      return fail(state, input.id);
    case 'heal':
      checkId(state, input.id);
      return heal(state, [input.id]);
    case 'heal-all':
      return heal(state, [...state.failed, ...state.hung]);
    case 'promote':
      return promoteInput(state, input.id);
    case 'advance': {
      const d = draft(state);
      const events: SimEvent[] = [];
      runClock(d, state.now + Math.max(0, input.ms), events);
      return { state: d, events };
    }
    case 'send':
      return sendRequest(state, input.request);
    case 'maintenance':
      return maintenanceInput(state, input.lb, input.server, input.on);
    case 'hang':
      return hang(state, input.id);
  }
}

/**
 * `step(state, { type: 'send', request })`, with the choice to skip the hops and log lines
 * (`detail: false`) when only the outcome matters, as in replays. Pure.
 */
function sendRequest(state: SimState, request: Request, options: { detail?: boolean } = {}): StepResult {
  const { trace, exchange } = send(state, request, options.detail ?? true);
  return { state: withCounters(state, exchange), events: exchange.events, trace };
}

/**
 * Advances the clock until health checks, VRRP and automatic failover have converged on reality
 * (or SETTLE_LIMIT of virtual time has passed).
 */
export function settle(state: SimState): StepResult {
  const d = draft(state);
  const events: SimEvent[] = [];
  runClock(d, state.now + SETTLE_LIMIT, events, true);
  return { state: d, events };
}

/** Backends that some running load balancer currently believes DOWN, sorted. */
export function believedDown(state: SimState): readonly string[] {
  const out = new Set<string>();
  for (const [id, lb] of Object.entries(state.lbs)) {
    if (isDown(state, id)) continue;
    for (const [server, h] of Object.entries(lb.health)) if (!h.up) out.add(server);
  }
  return [...out].sort();
}

/** One LB's view of its servers (belief, counters, last check, next check), with reality beside it. */
export function healthView(state: SimState, lbId: string): readonly HealthRow[] {
  const lb = topologyIndex(state.topology).component(lbId);
  if (lb?.kind !== 'load-balancer') return [];
  return lb.backends.map((backend) => {
    const h = state.lbs[lbId]?.health[backend];
    const up = h?.up ?? true;
    const maint = h?.maint ?? false;
    const nextCheckIn: Ms = maint ? 0 : Math.max(0, (h?.nextAt ?? state.now) - state.now);
    const last = maint ? 'MAINT' : (h?.last ?? null);
    return { backend, up, reallyUp: !isDown(state, backend), count: h?.count ?? 0, of: up ? lb.health.fall : lb.health.rise, last, nextCheckIn, maint };
  });
}
