/**
 * Reality, as opposed to belief: which components are down, and whether a packet from one
 * machine reaches a port on another through the firewalls in between.
 */
import type { FailureState } from '../model/failure-looks.js';
import type { Component, Firewall, FirewallRule, Ms } from '../model/types.js';
import { ARP_TIMEOUT, LAN_MS } from './timings.js';
import { topologyIndex } from './topology-index.js';
import type { HopResult, SimState } from './types.js';
import { askDown } from './watch.js';

// Every id that is down for a failed list: the list itself plus what runs on its failed hosts.
// Failed lists are never mutated (each change makes a new one), so the list identifies its set.
const downSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Every id that is down in `state`: the failed list plus what runs on its failed hosts. */
export function downSet(state: SimState): ReadonlySet<string> {
  const hit = downSets.get(state.failed);
  if (hit) return hit;
  const index = topologyIndex(state.topology);
  const set = new Set(state.failed);
  for (const id of state.failed) for (const c of index.onHost(id)) set.add(c.id);
  downSets.set(state.failed, set);
  return set;
}

/** The component (or host) is failed, or the host it runs on is. */
export function isDown(state: SimState, id: string): boolean {
  const down = state.failed.length > 0 && downSet(state).has(id);
  askDown(id, down);
  return down;
}

/**
 * The component is up but never answers (the `hang` input): hung, and neither it nor its host is
 * down. A hung server still completes TCP handshakes, so connections to it succeed.
 */
export function isHung(state: SimState, id: string): boolean {
  return state.hung.includes(id) && !isDown(state, id);
}

/** The state `id` is in: hung, down (itself or with its host), or undefined when it is up. */
export function failureStateOf(state: SimState, id: string): FailureState | undefined {
  return isHung(state, id) ? 'hung' : isDown(state, id) ? 'down' : undefined;
}

/**
 * The parts an input put in each state, in the order they were: what is down with its host is
 * left out (the host is listed), and so is a hung part that is down.
 */
export function failuresOf(state: SimState): Readonly<Record<FailureState, readonly string[]>> {
  return { down: state.failed, hung: state.hung.filter((id) => isHung(state, id)) };
}

/**
 * The component can answer requests: it is up and, for an app server, so is its code (without
 * its code base the app server cannot start its workers, so it does not listen at all).
 */
function isServing(state: SimState, c: Component): boolean {
  if (isDown(state, c.id)) return false;
  if (c.kind === 'app-server' && c.code !== undefined) return !isDown(state, c.code);
  return true;
}

/** A firewall that passes nothing: a network appliance that is down (a stopped host firewall passes everything). */
function blocksAll(state: SimState, fw: Firewall): boolean {
  return fw.type === 'network' && isDown(state, fw.id);
}

/** A firewall that no longer filters: a host firewall that is stopped or whose rules were flushed. */
export function isOpen(state: SimState, fw: Firewall): boolean {
  return fw.type === 'host' && isDown(state, fw.id);
}

/** The machine a component runs on (or the host itself) is cut off by a dead network firewall. */
export function isCutOff(state: SimState, id: string): boolean {
  const index = topologyIndex(state.topology);
  const host = index.isHost(id) ? id : index.component(id)?.host;
  return host !== undefined && index.firewallsOf(host).some((fw) => blocksAll(state, fw));
}

/** Down, or alive but cut off from the network: what a peer watching it over the network sees as dead. */
export function isUnreachable(state: SimState, id: string): boolean {
  return isDown(state, id) || isCutOff(state, id);
}

export type Delivery =
  | { readonly ok: true }
  | { readonly ok: false; readonly how: 'dropped' | 'rejected' | 'down' | 'cut'; readonly by: string; readonly why: string };

function describeSource(from: string | null): string {
  return from === null ? 'the internet' : from;
}

/**
 * Whether a packet from `fromHost` (null: the internet) reaches `port` on `toHost`. Firewalls
 * filter what enters the host they protect; a dead network firewall cuts its host off, both
 * ways; a stopped host firewall lets everything through. Traffic within one machine never
 * crosses a firewall.
 */
export function deliver(state: SimState, fromHost: string | null, toHost: string, port: number | 'vrrp'): Delivery {
  if (isDown(state, toHost)) return { ok: false, how: 'down', by: toHost, why: `${toHost} is down` };
  if (fromHost === toHost) return { ok: true };
  const index = topologyIndex(state.topology);
  const cut = (id: string): Delivery => ({ ok: false, how: 'cut', by: id, why: `${id} (a network firewall) is down and passes nothing` });
  if (fromHost !== null) {
    for (const fw of index.firewallsOf(fromHost)) if (blocksAll(state, fw)) return cut(fw.id);
  }
  const what = port === 'vrrp' ? 'VRRP' : `TCP ${port}`;
  for (const fw of index.firewallsOf(toHost)) {
    if (blocksAll(state, fw)) return cut(fw.id);
    // A rule that lets the packet in decides before the firewall's own state is asked for.
    if (allowingRule(fw, fromHost, port) || isOpen(state, fw)) continue;
    const how = fw.default === 'reject' ? 'rejected' : 'dropped';
    return { ok: false, how, by: fw.id, why: `${fw.id} ${how === 'rejected' ? 'rejects' : 'drops'} ${what} from ${describeSource(fromHost)}: no rule allows it (default ${fw.default})` };
  }
  return { ok: true };
}

/** The rule of `fw` that lets `port` in from `fromHost` (null: the internet), if any. */
export function allowingRule(fw: Firewall, fromHost: string | null, port: number | 'vrrp'): FirewallRule | undefined {
  return fw.rules.find((r) => r.allow === port && (r.from === 'any' || (fromHost !== null && r.from.includes(fromHost))));
}

/**
 * How a connection attempt failed: `refused` (a reset, at once), `unreachable` (a machine on the
 * same network that is off or cut off: ARP gets no answer and the kernel reports "No route to
 * host" after ARP_TIMEOUT), `dropped` / `timeout` (silence until the caller's time-out).
 */
export type ConnectFailure = 'refused' | 'unreachable' | 'dropped' | 'timeout';

export type Connect =
  | { readonly ok: true }
  | { readonly ok: false; readonly result: ConnectFailure; readonly by: string; readonly why: string };

/** Whether the failure is an error the caller hears about (not a silence it must time out). */
export function isError(result: ConnectFailure): boolean {
  return result === 'refused' || result === 'unreachable';
}

/** When a caller gives up on a failed attempt started at `at`, given its own connect time-out. */
export function failureTime(result: ConnectFailure, at: Ms, timeout: Ms): Ms {
  if (result === 'refused') return at + 2 * LAN_MS;
  if (result === 'unreachable') return at + Math.min(ARP_TIMEOUT, timeout);
  return at + timeout;
}

/** The hop result for a failed attempt. */
export function hopResult(result: ConnectFailure): HopResult {
  return result === 'unreachable' ? 'failed' : result;
}

/**
 * Opening a TCP connection from a machine (null: the internet) to a component. Guaranteed: `ok`
 * only when the packet gets through and the component serves.
 */
export function connect(state: SimState, fromHost: string | null, to: Component, port: number): Connect {
  const host = to.host;
  if (host === undefined) {
    return isServing(state, to) ? { ok: true } : { ok: false, result: 'timeout', by: to.id, why: `${to.id} is down` };
  }
  const d = deliver(state, fromHost, host, port);
  if (!d.ok) {
    if (d.how === 'rejected') return { ok: false, result: 'refused', by: d.by, why: d.why };
    if (d.how === 'dropped') return { ok: false, result: 'dropped', by: d.by, why: d.why };
    if (fromHost === null) return { ok: false, result: d.how === 'cut' ? 'dropped' : 'timeout', by: d.by, why: `${d.why}: nothing answers` };
    return { ok: false, result: 'unreachable', by: d.by, why: `${d.why}: No route to host (ARP gets no answer)` };
  }
  if (!isServing(state, to)) {
    const why = isDown(state, to.id) ? `${to.id} is stopped` : `${to.id} cannot start without its code`;
    return { ok: false, result: 'refused', by: to.id, why: `${why}; ${host} answers with a reset (nothing listens on ${port})` };
  }
  return { ok: true };
}
