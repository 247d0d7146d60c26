/**
 * The figures of the comparison that need the clock to run: what a deploy costs, and how long
 * the site fails when the active load balancer's machine or the primary database dies. Each is a
 * headless traffic run of the engine (`runSimulation`) at a load the design sustains, so every
 * failed request it counts comes from the event, not from overload.
 */
import type { Topology } from '../model/types.js';
import { createSim } from './engine.js';
import { runSimulation } from './traffic/run-simulation.js';
import { DEFAULT_MIX } from './traffic/timings.js';
import type { TrafficInput } from './traffic/types.js';
import type { Ms } from './types.js';

/** When the event happens: the system has settled and traffic flows. */
const EVENT_AT: Ms = 5_000;
/** How long the run goes on after it: longer than the slowest rolling deploy of the built-ins (28 s). */
const RUN_AFTER: Ms = 35_000;
/** The load of the runs: 50 requests/s, or 80 % of what the design sustains when that is less. */
const RUN_QPS = 50;

/** How the runs go, in words: said once with the figures they give. */
export const runSetup = `the event at ${EVENT_AT / 1000} s, watched ${RUN_AFTER / 1000} s`;

/** What a deploy of new code costs. */
export interface DeployFigure {
  /** Requests that failed while the deploy ran. */
  readonly failed: number;
  readonly strategy: 'rolling' | 'in-place' | 'all-at-once';
  /** From the start of the deploy to the last app server back in rotation (null: not finished in the run). */
  readonly durationMs: Ms | null;
}

/** How the site goes through one component dying. */
export interface FailoverFigure {
  /** What died: the active load balancer's machine, or the primary database. */
  readonly id: string;
  readonly failed: number;
  /** From the death until the system had recovered on its own; null when it never does (a person must act). */
  readonly recoveredAfterMs: Ms | null;
  /** What the system did, as the engine reported it (`haproxy-2 took over the VIP ...`); empty when nothing. */
  readonly how: string;
}

/** The load the runs offer: one the design sustains, so only the event makes requests fail. */
export const figureQps = (maxQps: number): number => Math.max(1, Math.min(RUN_QPS, Math.floor(maxQps * 0.8)));

function run(topology: Topology, qps: number, seed: number, input: TrafficInput, text: string) {
  return runSimulation(topology, { qps, durationMs: EVENT_AT + RUN_AFTER, mix: DEFAULT_MIX, seed, actions: [{ at: EVENT_AT, input, text }] });
}

/** A deploy at `qps`: requests failed, strategy and duration, as `simulate --at "5s deploy"` reports them. */
export function deployFigure(topology: Topology, qps: number, seed: number): DeployFigure | null {
  const deploy = run(topology, qps, seed, { type: 'deploy' }, 'deploy').deploys[0];
  return deploy ? { failed: deploy.failed, strategy: deploy.strategy as DeployFigure['strategy'], durationMs: deploy.duration } : null;
}

/**
 * Fails `id` at `qps` and watches: the requests that failed from then on, and when the system
 * recovered: the last thing it did on its own (a VIP moving, a replica promoted, a server marked
 * down), or null when requests still fail at the end of the run.
 */
export function failoverFigure(topology: Topology, id: string, qps: number, seed: number): FailoverFigure {
  const summary = run(topology, qps, seed, { type: 'fail', id }, `fail ${id}`);
  const failed = summary.failed;
  const stillFailing = (summary.timeline.failed[summary.timeline.failed.length - 1] ?? 0) > 0;
  const reactions = summary.detections.filter((d) => d.after !== null);
  const last = reactions[reactions.length - 1];
  const recoveredAfterMs = stillFailing ? null : (last?.after ?? 0);
  return { id, failed, recoveredAfterMs, how: stillFailing ? '' : (last?.text ?? '') };
}

/**
 * What serves the site's address: the machine of the load balancer holding the first VIP, or of
 * the first load balancer; null without one.
 */
export function activeLoadBalancerHost(topology: Topology): string | null {
  const sim = createSim(topology);
  const holder = Object.values(sim.vips)[0]?.holder ?? null;
  const lb = topology.components.find((c) => c.kind === 'load-balancer' && (holder === null || c.id === holder));
  return lb ? (lb.host ?? lb.id) : null;
}

/** The database that takes the writes: the primary of the first replication group, or the first primary. */
export function primaryDatabase(topology: Topology): string | null {
  const group = topology.clusters.find((c) => c.kind === 'replication');
  if (group?.kind === 'replication') return group.primary;
  return topology.components.find((c) => c.kind === 'database' && c.role === 'primary')?.id ?? null;
}
