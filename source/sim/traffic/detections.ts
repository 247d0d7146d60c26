/**
 * What the system noticed on its own while the clock ran: a load balancer marking a server DOWN
 * or UP, a VIP moving to another member, a replica becoming the primary; each timed against the
 * latest thing the user did to the parts it concerns (or their machines), so "haproxy-1 marked
 * nginx-1 DOWN 4.3 s after fail server-1" can be read straight off, even when something else
 * was done since.
 */
import { topologyIndex } from '../topology-index.js';
import type { SimState } from '../types.js';
import type { ActionMark, Detection } from './types.js';

/** The parts of the state whose changes are detections. */
export interface Beliefs {
  readonly up: Readonly<Record<string, boolean>>;
  readonly vips: Readonly<Record<string, string | null>>;
  readonly primaries: Readonly<Record<string, string>>;
}

/** Reads the beliefs of `sim` (LB belief per `lb>server`, VIP holders, primaries). */
export function beliefs(sim: SimState): Beliefs {
  const up: Record<string, boolean> = {};
  for (const [lb, s] of Object.entries(sim.lbs)) for (const [server, h] of Object.entries(s.health)) up[`${lb}>${server}`] = h.up;
  const vips: Record<string, string | null> = {};
  for (const [id, v] of Object.entries(sim.vips)) vips[id] = v.holder;
  const primaries: Record<string, string> = {};
  for (const [id, r] of Object.entries(sim.replication)) primaries[id] = r.primary;
  return { up, vips, primaries };
}

/**
 * The detection `text` at `at`, timed against its cause: the latest action on one of `subjects`
 * or their hosts (an action naming no part, such as a deploy, may concern any), else the latest.
 */
function timed(sim: SimState, at: number, text: string, subjects: readonly string[], actions: readonly ActionMark[]): Detection {
  const index = topologyIndex(sim.topology);
  const concerned = new Set(subjects.flatMap((id) => [id, index.component(id)?.host ?? id]));
  const earlier = [...actions].reverse().filter((a) => a.at <= at);
  const cause = earlier.find((a) => a.ids.length === 0 || a.ids.some((id) => concerned.has(id))) ?? earlier[0];
  if (!cause) return { at, text, after: null };
  return { at, text: `${text} ${((at - cause.at) / 1000).toFixed(1)} s after ${cause.text}`, after: at - cause.at };
}

/** The detections between two readings, at `at`. */
export function detect(before: Beliefs, after: Beliefs, sim: SimState, actions: readonly ActionMark[]): Detection[] {
  const out: Detection[] = [];
  const at = sim.now;
  for (const [key, up] of Object.entries(after.up)) {
    if (before.up[key] === undefined || before.up[key] === up) continue;
    const [lb = '', server = ''] = key.split('>');
    out.push(timed(sim, at, `${lb} marked ${server} ${up ? 'UP' : 'DOWN'}`, [lb, server], actions));
  }
  for (const [id, holder] of Object.entries(after.vips)) {
    if (before.vips[id] === holder || holder === null) continue;
    const cluster = sim.topology.clusters.find((c) => c.id === id);
    const vip = cluster?.kind === 'vip' ? ` ${cluster.vip}` : '';
    out.push(timed(sim, at, `${holder} took over the VIP${vip}`, cluster?.kind === 'vip' ? cluster.members : [holder], actions));
  }
  for (const [id, primary] of Object.entries(after.primaries)) {
    const cluster = sim.topology.clusters.find((c) => c.id === id);
    const members = cluster?.kind === 'replication' ? [cluster.primary, ...cluster.replicas] : [primary];
    if (before.primaries[id] !== primary) out.push(timed(sim, at, `${primary} became the primary of ${id}`, members, actions));
  }
  return out;
}
