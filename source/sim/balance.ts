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
  /** Why this server, in plain words. */
  readonly why: string;
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
    const server = up[hash(CLIENT_IP) % up.length] as string;
    return { server, rr, why: `source: hash of the client address ${CLIENT_IP} over ${up.length} UP server(s) picks ${server}` };
  }
  for (let k = 0; k < n; k++) {
    const i = (rr + k) % n;
    const server = lb.backends[i] as string;
    if (!usable(server)) continue;
    const turn = lb.balance === 'leastconn' ? 'no active connections anywhere, so the next in turn' : 'next in turn';
    return { server, rr: i + 1, why: `${lb.balance} picked ${server} (${turn})` };
  }
  return null;
}
