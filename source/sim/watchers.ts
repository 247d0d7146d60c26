/**
 * Who notices that a part went down, which decides what a user should watch for: a load
 * balancer health-checks its backends (and so notices their machines dying), a VIP peer hears
 * the adverts stop and takes the address, an automatic failover promotes a replica when the
 * primary dies. Anything else is noticed by nobody: requests that need
 * it fail until it is back.
 */
import type { Watcher } from '../model/failure-looks.js';
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
  const checked = index.loadBalancers.some((lb) => !covers(lb.id) && !isDown(state, lb.id) && lb.backends.some(covers));
  return checked ? 'load-balancer' : null;
}
