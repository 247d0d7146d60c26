/**
 * Where a connection from the internet lands: the address may be a VIP (held by one member of
 * a keepalived pair, or by nobody during a takeover) or a host's own address; then firewalls,
 * the machine and the listening program decide between a connection, a refusal and silence.
 */
import type { Component } from '../model/types.js';
import { connect, deliver, isDown } from './reality.js';
import { topologyIndex } from './topology-index.js';
import type { HopResult, SimState } from './types.js';

export type Landing =
  | { readonly ok: true; readonly component: Component }
  | { readonly ok: false; readonly result: Exclude<HopResult, 'ok' | 'failed'>; readonly by: string; readonly why: string };

function vipHolder(state: SimState, ip: string): Landing | { readonly ok: true; readonly host: string } | null {
  const cluster = state.topology.clusters.find((c) => c.kind === 'vip' && c.vip === ip);
  if (!cluster || cluster.kind !== 'vip') return null;
  const vip = state.vips[cluster.id];
  const holder = vip?.holder ?? null;
  const member = holder === null ? undefined : topologyIndex(state.topology).component(holder);
  // A stopped HAProxy on a live machine still holds the address: its host answers (with a reset).
  if (!member?.host || isDown(state, member.host)) {
    const next = vip?.takeover ? `; ${vip.takeover.by} takes it over ${vip.takeover.at - state.now} ms from now` : '';
    const by = holder ?? cluster.members[0] ?? cluster.id;
    return { ok: false, result: 'timeout', by, why: `nobody answers for the virtual IP ${ip}: ${by}'s machine is down and its address has not moved yet${next}` };
  }
  return { ok: true, host: member.host };
}

/** Who accepts a TCP connection from the internet to `ip:port`, or how the attempt fails. */
export function land(state: SimState, ip: string, port: number): Landing {
  const index = topologyIndex(state.topology);
  const vip = vipHolder(state, ip);
  if (vip && !('host' in vip)) return vip;
  const host = vip ? vip.host : index.hostByIp(ip);
  if (host === undefined) return { ok: false, result: 'timeout', by: ip, why: `no machine answers at ${ip}` };
  const listener = index.listener(host, port);
  if (!listener) {
    const d = deliver(state, null, host, port);
    if (!d.ok) return { ok: false, result: d.how === 'rejected' ? 'refused' : d.how === 'down' ? 'timeout' : 'dropped', by: d.by, why: `${d.why}: nothing answers` };
    return { ok: false, result: 'refused', by: host, why: `${host} answers with a reset: nothing listens on port ${port}` };
  }
  const c = connect(state, null, listener, port);
  if (c.ok) return { ok: true, component: listener };
  // From the internet nothing is "unreachable": the silence only ends with the client's time-out.
  return { ok: false, result: c.result === 'unreachable' ? 'timeout' : c.result, by: c.by, why: c.why };
}
