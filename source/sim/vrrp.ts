/**
 * keepalived's VRRP between the members of a VIP cluster. The master advertises every second;
 * when its machine goes silent, the best backup takes the address after 3 × advert_int + skew
 * (≈ 3.61 s at priority 100) and sends gratuitous ARPs. keepalived knows nothing of HAProxy by
 * itself: a stopped HAProxy on a live machine keeps the address (clients are refused) unless the
 * cluster has a `track-script`; then, after `fall` failed runs, the member goes to FAULT, sends a
 * priority-0 advert, and the backup takes over after its skew time alone (RFC 3768 §6.4.2,
 * keepalived vrrp.c). With keepalived's default `preempt`, a recovered master of higher priority
 * takes the address back: at once without a script, after `rise` good runs of it with one.
 */
import type { VipCluster } from '../model/types.js';
import { writable, type Draft } from './draft.js';
import { deliver, isCutOff, isDown } from './reality.js';
import { topologyIndex } from './topology-index.js';
import { VRRP_ADVERT, VRRP_MASTER_PRIORITY, vrrpSkew, vrrpTakeover } from './timings.js';
import type { SimEvent, VipState } from './types.js';

/** The VRRP priority of a member: the first is the master (101), then 100, 99, ... */
function priority(cluster: VipCluster, member: string): number {
  const i = cluster.members.indexOf(member);
  return i === 0 ? VRRP_MASTER_PRIORITY : VRRP_MASTER_PRIORITY - i;
}

/** The member's machine is gone (keepalived with it): it sends no adverts at all. */
function silent(d: Draft, member: string): boolean {
  const host = topologyIndex(d.topology).component(member)?.host;
  return host === undefined ? isDown(d, member) : isDown(d, host);
}

/** keepalived runs but the member's HAProxy does not. */
function processStopped(d: Draft, member: string): boolean {
  return isDown(d, member) && !silent(d, member);
}

/** The member may hold the address: its machine runs, and its HAProxy too if a script checks it. */
function eligible(d: Draft, cluster: VipCluster, member: string): boolean {
  return !silent(d, member) && !(cluster.trackScript !== undefined && processStopped(d, member));
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

interface Challenge {
  readonly by: string;
  readonly wait: number;
  readonly why: string;
}

/** The member that should take the address from `holder`, if any, how long it waits and why. */
function challenger(d: Draft, cluster: VipCluster, holder: string | null): Challenge | null {
  const best = cluster.members.find((m) => m !== holder && eligible(d, cluster, m));
  if (best === undefined) return null;
  const p = priority(cluster, best);
  const adverts = `3 × advert_int ${VRRP_ADVERT / 1000} s + skew at priority ${p}`;
  if (holder === null || silent(d, holder)) return { by: best, wait: vrrpTakeover(p), why: `stops hearing VRRP adverts from ${holder ?? 'a master'} (${adverts})` };
  const script = cluster.trackScript;
  if (script !== undefined && processStopped(d, holder)) {
    const detect = script.fall * script.interval;
    return {
      by: best,
      wait: detect + vrrpSkew(p),
      why: `will hear a priority-0 advert from ${holder}: its track script (pidof every ${script.interval / 1000} s, fall ${script.fall}) fails within ${detect / 1000} s, the instance goes to FAULT and gives the address up (then skew at priority ${p})`,
    };
  }
  // A live master that a backup cannot hear (adverts blocked) is taken over all the same: both
  // then claim the address and the backup's gratuitous ARPs win it (split brain), unless the
  // backup is the one cut off, in which case its ARPs never leave the machine.
  if (p < priority(cluster, holder) && !hears(d, holder, best) && !isCutOff(d, best)) {
    return { by: best, wait: vrrpTakeover(p), why: `hears no adverts from ${holder} (blocked on the way), although it still runs (${adverts})` };
  }
  return null;
}

/** A recovered member of higher priority than the holder, which preempts it, and when. */
function preemptor(d: Draft, cluster: VipCluster, holder: string): Challenge | null {
  const best = cluster.members.find((m) => eligible(d, cluster, m));
  if (best === undefined || best === holder || priority(cluster, best) <= priority(cluster, holder) || !hears(d, best, holder)) return null;
  // With a script, the member leaves FAULT (or its start-up state) only after `rise` good runs.
  const script = cluster.trackScript;
  const wait = script === undefined ? 0 : script.rise * script.interval;
  return { by: best, wait, why: `is back with priority ${priority(cluster, best)} and preempts` };
}

function updateOne(d: Draft, cluster: VipCluster, v: VipState, events: SimEvent[]): VipState {
  const holder = v.holder;
  const pre = holder !== null && eligible(d, cluster, holder) ? preemptor(d, cluster, holder) : null;
  const c = pre ?? challenger(d, cluster, holder);
  if (c === null) {
    if (holder !== null && processStopped(d, holder) && cluster.trackScript === undefined && !v.stranded) {
      events.push(event(d, cluster, 'error', `${holder} is stopped but its machine runs: keepalived there has no track script, so it keeps ${cluster.vip} and clients are refused until ${holder} is restarted`));
      return { holder, takeover: null, stranded: true };
    }
    return v.takeover || (v.stranded && !(holder !== null && processStopped(d, holder))) ? { holder, takeover: null } : v;
  }
  if (v.takeover?.by === c.by) {
    if (v.takeover.at > d.now) return v;
    events.push(event(d, cluster, 'warn', `${c.by} becomes MASTER and takes ${cluster.vip} (gratuitous ARPs tell the network where it now lives)`));
    return { holder: c.by, takeover: null };
  }
  if (c.wait === 0) {
    events.push(event(d, cluster, 'info', `${c.by} ${c.why}: it takes ${cluster.vip} back from ${holder ?? 'nobody'}`));
    return { holder: c.by, takeover: null };
  }
  events.push(event(d, cluster, 'warn', `${c.by} ${c.why}; it takes over in ${c.wait} ms`));
  return { holder, takeover: { by: c.by, at: d.now + c.wait } };
}

/** Brings every VIP cluster up to date at `d.now`, pushing what happened onto `events`. */
export function updateVips(d: Draft, events: SimEvent[]): void {
  for (const cluster of d.topology.clusters) {
    if (cluster.kind !== 'vip') continue;
    const v = d.vips[cluster.id] ?? { holder: null, takeover: null };
    const next = updateOne(d, cluster, v, events);
    if (next !== v) writable(d, 'vips')[cluster.id] = next;
  }
}
