/**
 * Reality, as opposed to belief: which components are down, and whether a packet from one
 * machine reaches a port on another through the firewalls in between.
 */
import type { Component } from '../model/types.js';
import { topologyIndex } from './topology-index.js';
import type { SimState } from './types.js';

/** The component (or host) is failed, or the host it runs on is. */
export function isDown(state: SimState, id: string): boolean {
  if (state.failed.includes(id)) return true;
  const host = topologyIndex(state.topology).component(id)?.host;
  return host !== undefined && state.failed.includes(host);
}

/**
 * The component can answer requests: it is up and, for an app server, so is its code (without
 * its code base the app server cannot start its workers, so it does not listen at all).
 */
export function isServing(state: SimState, c: Component): boolean {
  if (isDown(state, c.id)) return false;
  if (c.kind === 'app-server' && c.code !== undefined) return !isDown(state, c.code);
  return true;
}

export type Delivery =
  | { readonly ok: true }
  | { readonly ok: false; readonly how: 'dropped' | 'rejected' | 'down'; readonly by: string; readonly why: string };

function describeSource(from: string | null): string {
  return from === null ? 'the internet' : from;
}

/**
 * Whether a packet from `fromHost` (null: the internet) reaches `port` on `toHost`. Firewalls
 * filter what enters the host they protect; a failed firewall drops everything, both ways.
 * Traffic within one machine never crosses a firewall.
 */
export function deliver(state: SimState, fromHost: string | null, toHost: string, port: number | 'vrrp'): Delivery {
  if (isDown(state, toHost)) return { ok: false, how: 'down', by: toHost, why: `${toHost} is down: nothing answers` };
  if (fromHost === toHost) return { ok: true };
  const index = topologyIndex(state.topology);
  if (fromHost !== null) {
    for (const fw of index.firewallsOf(fromHost)) {
      if (isDown(state, fw.id)) return { ok: false, how: 'dropped', by: fw.id, why: `${fw.id} is down and drops everything` };
    }
  }
  const what = port === 'vrrp' ? 'VRRP' : `TCP ${port}`;
  for (const fw of index.firewallsOf(toHost)) {
    if (isDown(state, fw.id)) return { ok: false, how: 'dropped', by: fw.id, why: `${fw.id} is down and drops everything` };
    const rule = fw.rules.find((r) => r.allow === port && (r.from === 'any' || (fromHost !== null && r.from.includes(fromHost))));
    if (!rule) {
      const how = fw.default === 'reject' ? 'rejected' : 'dropped';
      return { ok: false, how, by: fw.id, why: `${fw.id} ${how === 'rejected' ? 'rejects' : 'drops'} ${what} from ${describeSource(fromHost)}: no rule allows it (default ${fw.default})` };
    }
  }
  return { ok: true };
}

export type Connect =
  | { readonly ok: true }
  | { readonly ok: false; readonly result: 'refused' | 'timeout' | 'dropped'; readonly by: string; readonly why: string };

/**
 * Opening a TCP connection from a machine to a component: it fails with a time-out when the
 * packet is dropped or the machine is off, and is refused at once when the machine answers but
 * nothing listens (or a firewall rejects).
 */
export function connect(state: SimState, fromHost: string | null, to: Component, port: number): Connect {
  const host = to.host;
  if (host === undefined) {
    return isServing(state, to) ? { ok: true } : { ok: false, result: 'timeout', by: to.id, why: `${to.id} is down` };
  }
  const d = deliver(state, fromHost, host, port);
  if (!d.ok) {
    if (d.how === 'rejected') return { ok: false, result: 'refused', by: d.by, why: d.why };
    return { ok: false, result: d.how === 'down' ? 'timeout' : 'dropped', by: d.by, why: d.why };
  }
  if (!isServing(state, to)) {
    const why = isDown(state, to.id) ? `${to.id} is down` : `${to.id} cannot start without its code`;
    return { ok: false, result: 'refused', by: to.id, why: `${why}; ${host} answers with a reset (nothing listens on ${port})` };
  }
  return { ok: true };
}
