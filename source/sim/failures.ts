/**
 * The failure inputs: a component or host going down (`fail`), an app server or database hanging
 * (`hang`: up and accepting connections, never answering) and both being undone (`heal`). Each
 * returns the new state and the events that say what happened; the reactions that depend on
 * reality alone (VRRP, automatic failover, an HAProxy restarting) follow at once.
 */
import { canFail, kindsThatCan } from '../model/kinds.js';
import type { LoadBalancer } from '../model/types.js';
import { draft, writable, type Draft } from './draft.js';
import { restartHealth } from './health-checks.js';
import { isDown } from './reality.js';
import { updateReplication } from './replication.js';
import { topologyIndex } from './topology-index.js';
import { updateVips } from './vrrp.js';
import type { SimEvent, SimState, StepResult } from './types.js';

/** Throws a one-line Error unless `id` is a component (not the client) or a host of the topology. */
export function checkId(state: SimState, id: string): void {
  if (!topologyIndex(state.topology).failable.includes(id)) throw new Error(`unknown component or host: ${id}`);
}

function describeFailure(state: SimState, id: string): string {
  const index = topologyIndex(state.topology);
  if (index.isHost(id)) {
    const on = index.onHost(id).map((c) => c.id);
    return `${id} is down (powered off)${on.length > 0 ? `: ${on.join(', ')} go down with it` : ''}`;
  }
  const host = index.component(id)?.host;
  return `${id} is down${host ? ` (${host} itself still runs)` : ''}`;
}

/** Sets the failed and hung lists, restarting every HAProxy that comes back up, then reacts. */
function setReality(state: SimState, failed: readonly string[], hung: readonly string[], events: SimEvent[]): Draft {
  const d = draft(state);
  const lbs = topologyIndex(state.topology).loadBalancers;
  const wasDown = lbs.filter((lb: LoadBalancer) => isDown(state, lb.id));
  d.failed = [...failed].sort();
  d.hung = [...hung].sort();
  for (const lb of wasDown) {
    if (!isDown(d, lb.id)) writable(d, 'lbs')[lb.id] = { health: restartHealth(lb, d.now), rr: 0 };
  }
  updateVips(d, events);
  updateReplication(d, events);
  return d;
}

/**
 * `state` as reality's reactions leave it after any change of what is down (VRRP, automatic
 * failover, HAProxy restarts), with nothing more down: what `fail` starts from, so a replay made
 * here differs from one after a failure only in what the failure took down.
 */
export function react(state: SimState): SimState {
  return setReality(state, state.failed, state.hung, []);
}

/** `id` goes down. A process that is killed, or whose machine stops, no longer hangs once back. */
export function fail(state: SimState, id: string): StepResult {
  checkId(state, id);
  if (state.failed.includes(id)) return { state, events: [] };
  const index = topologyIndex(state.topology);
  const stopped = new Set([id, ...(index.isHost(id) ? index.onHost(id).map((c) => c.id) : [])]);
  const events: SimEvent[] = [{ at: state.now, source: id, kind: 'failure', level: 'error', text: describeFailure(state, id) }];
  return { state: setReality(state, [...state.failed, id], state.hung.filter((h) => !stopped.has(h)), events), events };
}

/** `ids` are restarted: the failed ones come back up, the hung ones answer again. */
export function heal(state: SimState, ids: readonly string[]): StepResult {
  const back = state.failed.filter((f) => ids.includes(f));
  const unstuck = state.hung.filter((h) => ids.includes(h));
  if (back.length === 0 && unstuck.length === 0) return { state, events: [] };
  const events: SimEvent[] = [
    ...back.map((id): SimEvent => ({ at: state.now, source: id, kind: 'recovery', level: 'info', text: `${id} is back up` })),
    ...unstuck.map((id): SimEvent => ({ at: state.now, source: id, kind: 'recovery', level: 'info', text: `${id} is restarted and answers again` })),
  ];
  const failed = state.failed.filter((f) => !ids.includes(f));
  return { state: setReality(state, failed, state.hung.filter((h) => !ids.includes(h)), events), events };
}

/**
 * `id`, an app server or a database, hangs: it keeps accepting connections (the kernel completes
 * the handshake) but never answers. Throws a one-line Error for any other kind of component.
 */
export function hang(state: SimState, id: string): StepResult {
  checkId(state, id);
  const c = topologyIndex(state.topology).component(id);
  if (!c || !canFail(c.kind, 'hung')) throw new Error(`${id} cannot hang: only ${kindsThatCan('hung')} can (fail it instead)`);
  if (state.hung.includes(id)) return { state, events: [] };
  if (isDown(state, id)) return { state, events: [{ at: state.now, source: id, kind: 'failure', level: 'warn', text: `${id} is down, so it cannot hang` }] };
  const what = c.kind === 'app-server'
    ? 'it still accepts connections but never answers (a deadlock, or every worker stuck)'
    : 'it still accepts connections but its queries never return (locks, a full disk)';
  const events: SimEvent[] = [{ at: state.now, source: id, kind: 'failure', level: 'error', text: `${id} hangs: ${what}` }];
  return { state: setReality(state, state.failed, [...state.hung, id], events), events };
}
