/**
 * keepalived's VRRP between the members of a VIP cluster. The master advertises every second;
 * when it goes silent, the best backup takes the address after 3 × advert_int + skew (≈ 3.61 s at
 * priority 100) and sends gratuitous ARPs. A member whose HAProxy dies counts as silent (the
 * usual `track_script` check puts it in FAULT). With keepalived's default `preempt`, a recovered
 * master of higher priority takes the address back at once.
 */
import type { VipCluster } from '../model/types.js';
import type { Draft } from './draft.js';
import { deliver, isCutOff, isDown } from './reality.js';
import { topologyIndex } from './topology-index.js';
import { VRRP_MASTER_PRIORITY, vrrpTakeover } from './timings.js';
import type { SimEvent, VipState } from './types.js';

/** The VRRP priority of a member: the first is the master (101), then 100, 99, ... */
function priority(cluster: VipCluster, member: string): number {
  const i = cluster.members.indexOf(member);
  return i === 0 ? VRRP_MASTER_PRIORITY : VRRP_MASTER_PRIORITY - i;
}

/** The member that would win an election now: the alive one of highest priority. */
function bestMember(d: Draft, cluster: VipCluster): string | undefined {
  return cluster.members.find((m) => !isDown(d, m));
}

function event(d: Draft, cluster: VipCluster, level: SimEvent['level'], text: string): SimEvent {
  return { at: d.now, source: cluster.id, kind: 'vrrp', level, text };
}

/** Whether `to` hears the VRRP adverts of `from` (the packets cross both hosts' firewalls). */
function hears(d: Draft, from: string, to: string): boolean {
  const index = topologyIndex(d.topology);
  const a = index.component(from)?.host;
  const b = index.component(to)?.host;
  return a !== undefined && b !== undefined && deliver(d, a, b, 'vrrp').ok;
}

/** The member that should take the address from `holder`, if any, and why. */
function challenger(d: Draft, cluster: VipCluster, holder: string | null): { by: string; why: string } | null {
  const best = cluster.members.find((m) => m !== holder && !isDown(d, m));
  if (best === undefined) return null;
  if (holder === null || isDown(d, holder)) return { by: best, why: `stops hearing VRRP adverts from ${holder ?? 'a master'}` };
  // A live master that a backup cannot hear (adverts blocked) is taken over all the same: both
  // then claim the address and the backup's gratuitous ARPs win it (split brain), unless the
  // backup is the one cut off, in which case its ARPs never leave the machine.
  if (priority(cluster, best) < priority(cluster, holder) && !hears(d, holder, best) && !isCutOff(d, best)) {
    return { by: best, why: `hears no adverts from ${holder} (blocked on the way), although it still runs` };
  }
  return null;
}

function updateOne(d: Draft, cluster: VipCluster, v: VipState, events: SimEvent[]): VipState {
  const holder = v.holder;
  const best = bestMember(d, cluster);
  const alive = holder !== null && !isDown(d, holder);
  if (alive && best !== undefined && best !== holder && priority(cluster, best) > priority(cluster, holder) && hears(d, best, holder)) {
    events.push(event(d, cluster, 'info', `${best} is back with priority ${priority(cluster, best)} and preempts: it takes ${cluster.vip} back from ${holder}`));
    return { holder: best, takeover: null };
  }
  const c = challenger(d, cluster, holder);
  if (c === null) return v.takeover ? { holder, takeover: null } : v;
  if (v.takeover?.by === c.by) {
    if (v.takeover.at > d.now) return v;
    events.push(event(d, cluster, 'warn', `${c.by} becomes MASTER and takes ${cluster.vip} (gratuitous ARPs tell the network where it now lives)`));
    return { holder: c.by, takeover: null };
  }
  const wait = vrrpTakeover(priority(cluster, c.by));
  events.push(event(d, cluster, 'warn', `${c.by} ${c.why}; it takes over in ${wait} ms (3 × advert_int 1 s + skew at priority ${priority(cluster, c.by)})`));
  return { holder, takeover: { by: c.by, at: d.now + wait } };
}

/** Brings every VIP cluster up to date at `d.now`, pushing what happened onto `events`. */
export function updateVips(d: Draft, events: SimEvent[]): void {
  for (const cluster of d.topology.clusters) {
    if (cluster.kind !== 'vip') continue;
    const v = d.vips[cluster.id] ?? { holder: null, takeover: null };
    const next = updateOne(d, cluster, v, events);
    if (next !== v) d.vips[cluster.id] = next;
  }
}
