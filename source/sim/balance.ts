/**
 * HAProxy's choice of server among those it believes UP. With one request at a time every
 * server has zero active connections, so `leastconn` breaks the tie in turn, like roundrobin.
 * `source` hashes the client's address over the servers that are UP, which is why a server
 * going down remaps clients.
 */
import type { LoadBalancer } from '../model/types.js';
import { CLIENT_IP } from './timings.js';

export interface Pick {
  readonly server: string;
  /** The round-robin position after this pick. */
  readonly rr: number;
  /** How many servers were usable (what `source` hashes over). */
  readonly among: number;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Picks a server among the backends for which `usable` holds (believed UP, not excluded), or
 * null when there is none. Pure: the caller stores the returned round-robin position.
 */
export function pickServer(lb: LoadBalancer, usable: (server: string) => boolean, rr: number): Pick | null {
  const n = lb.backends.length;
  if (lb.balance === 'source') {
    const up = lb.backends.filter(usable);
    if (up.length === 0) return null;
    return { server: up[hash(CLIENT_IP) % up.length] as string, rr, among: up.length };
  }
  for (let k = 0; k < n; k++) {
    const i = (rr + k) % n;
    const server = lb.backends[i] as string;
    if (usable(server)) return { server, rr: i + 1, among: 1 };
  }
  return null;
}

/** Why the pick fell on its server, in plain words (only worked out when a trace shows it). */
export function pickReason(lb: LoadBalancer, pick: Pick): string {
  if (lb.balance === 'source') return `source: hash of the client address ${CLIENT_IP} over ${pick.among} UP server(s) picks ${pick.server}`;
  const turn = lb.balance === 'leastconn' ? 'no active connections anywhere, so the next in turn' : 'next in turn';
  return `${lb.balance} picked ${pick.server} (${turn})`;
}
