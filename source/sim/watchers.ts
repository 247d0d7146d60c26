/**
 * Who notices that a part went down, which decides what a user should watch for: a load
 * balancer health-checks its backends (and so notices their machines dying, and with an HTTP
 * check a dead app server behind them), a VIP peer hears the adverts stop and takes the
 * address, an automatic failover promotes a replica when the primary dies, Nginx moves on to
 * another upstream app server. Anything else is noticed by nobody: requests that need it fail
 * until it is back.
 */
import type { Watcher } from '../model/failure-looks.js';
import type { LoadBalancer } from '../model/types.js';
import { step } from './engine.js';
import { checkStatus, passes } from './health-checks.js';
import { isDown } from './reality.js';
import { topologyIndex } from './topology-index.js';
import type { SimState } from './types.js';

/** What would notice `id` (a component or a host) going down in `state`, or null when nothing would. */
export function watcherOf(state: SimState, id: string): Watcher | null {
  const index = topologyIndex(state.topology);
  const covers = (member: string) => member === id || index.component(member)?.host === id;
  // A machine that dies stops its adverts; a stopped process is only noticed through a track script.
  const peerUp = state.topology.clusters.some(
    (k) =>
      k.kind === 'vip' &&
      k.members.some((m) => (m === id ? k.trackScript !== undefined : covers(m))) &&
      k.members.some((m) => !covers(m) && !isDown(state, m)),
  );
  if (peerUp) return 'vip-peer';
  const promoted = state.topology.clusters.some(
    (k) => k.kind === 'replication' && k.failover === 'automatic' && covers(k.primary) && k.replicas.some((r) => !covers(r) && !isDown(state, r)),
  );
  if (promoted) return 'failover';
  if (checksNotice(state, index.loadBalancers, id)) return 'load-balancer';
  // Nginx with another live upstream moves on to it (proxy_next_upstream error timeout).
  const retried = state.topology.components.some((web) => {
    if (web.kind !== 'web-server') return false;
    const apps = index.upstreamsOf(web).map((a) => a.id);
    return !covers(web.id) && !isDown(state, web.id) && apps.some(covers) && apps.some((a) => !covers(a) && !isDown(state, a));
  });
  return retried ? 'upstream' : null;
}

/**
 * Whether some running load balancer's check of a backend passes with `id` up and fails with it
 * down, asked of the engine itself: a TCP check sees a backend or its machine die, an HTTP check
 * also sees a dead app server behind a live Nginx (the 502 it gets back). Going down, it counts
 * only when a backend is left to reroute to; coming back, the checks must pass again either way.
 */
function checksNotice(state: SimState, loadBalancers: readonly LoadBalancer[], id: string): boolean {
  const gone = state.failed.includes(id);
  const up = gone || state.hung.includes(id) ? step(state, { type: 'heal', id }).state : state;
  const down = gone ? state : step(up, { type: 'fail', id }).state;
  return loadBalancers.some((lb) => {
    if (isDown(down, lb.id)) return false;
    const after = lb.backends.map((b) => passes(checkStatus(down, lb, b)));
    const seen = lb.backends.some((b, i) => passes(checkStatus(up, lb, b)) && !after[i]);
    return seen && (gone || after.some(Boolean));
  });
}
