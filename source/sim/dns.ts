/**
 * Name resolution as the browser experiences it: a cached answer while its TTL lasts,
 * otherwise a query to the name servers in turn (a silent one costs the resolver's time-out),
 * CNAMEs followed to an address, NXDOMAIN when the name does not exist.
 */
import type { Client, DnsRecord, Ms } from '../model/types.js';
import { browserNotResolved } from './messages.js';
import { isDown } from './reality.js';
import { DNS_MS, RESOLVER_TIMEOUT } from './timings.js';
import { hop, type Exchange } from './exchange.js';
import { topologyIndex } from './topology-index.js';

export type Resolution = { readonly ok: true; readonly at: Ms; readonly ip: string } | { readonly ok: false; readonly at: Ms; readonly error: string };

/** The A record the name leads to, following CNAMEs (at most 8, as resolvers bound chains). */
function lookupA(records: readonly DnsRecord[], name: string): { chain: DnsRecord[]; a: DnsRecord | undefined } {
  const chain: DnsRecord[] = [];
  let current = name;
  for (let i = 0; i < 8; i++) {
    const r = records.find((rec) => rec.name === current && (rec.type === 'A' || rec.type === 'CNAME'));
    if (!r) break;
    chain.push(r);
    if (r.type === 'A') return { chain, a: r };
    current = r.value;
  }
  return { chain, a: undefined };
}

function describe(chain: readonly DnsRecord[]): string {
  return chain.map((r) => `${r.name} ${r.type} ${r.value} (TTL ${r.ttl} s)`).join(', ');
}

/** Resolves `name` for the browser, recording the query and answer hops. */
export function resolve(ex: Exchange, client: Client, name: string, at: Ms): Resolution {
  const cached = ex.dnsCache;
  const now = ex.state.now;
  if (cached && cached.name === name && cached.expiresAt > now) {
    return { ok: true, at, ip: cached.value };
  }
  let t = at;
  const servers = topologyIndex(ex.state.topology).dnsServers;
  for (const dns of servers) {
    if (isDown(ex.state, dns.id)) {
      t += RESOLVER_TIMEOUT;
      hop(ex, () => ({ at: t, from: client.id, to: dns.id, protocol: 'DNS', port: 53, note: `A ${name}? no answer: ${dns.id} is down (the resolver waits ${RESOLVER_TIMEOUT / 1000} s)`, direction: 'request', result: 'timeout' }));
      continue;
    }
    hop(ex, () => ({ at: t + DNS_MS, from: client.id, to: dns.id, protocol: 'DNS', port: 53, note: `A ${name}? (not cached: the browser asks DNS)`, direction: 'request', result: 'ok' }));
    t += 2 * DNS_MS;
    const { chain, a } = lookupA(ex.state.topology.dns, name);
    if (!a) {
      hop(ex, () => ({ at: t, from: dns.id, to: client.id, protocol: 'DNS', port: 53, note: `NXDOMAIN: no address record for ${name}`, direction: 'response', result: 'failed' }));
      return { ok: false, at: t, error: browserNotResolved(name, true) };
    }
    const ttl = Math.min(...chain.map((r) => r.ttl));
    hop(ex, () => ({ at: t, from: dns.id, to: client.id, protocol: 'DNS', port: 53, note: chain.length > 1 ? `${describe(chain)}; cached for ${ttl} s (the shortest TTL of the chain)` : `${describe(chain)}, kept in the browser's cache that long`, direction: 'response', result: 'ok' }));
    if (ex.record) ex.dnsCache = { name, type: a.type, value: a.value, ttl, expiresAt: now + ttl * 1000 };
    return { ok: true, at: t, ip: a.value };
  }
  return { ok: false, at: t, error: browserNotResolved(name, false) };
}
