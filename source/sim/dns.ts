/**
 * Name resolution as the browser experiences it. The browser asks a recursive resolver (its
 * ISP's, on the client side, not part of the topology), which answers from its cache while the
 * record's TTL lasts and otherwise asks the site's authoritative name servers in turn: a silent
 * one costs the resolver's time-out, CNAMEs are followed to an address, NXDOMAIN when the name
 * does not exist. So with the authoritative DNS down, a warm cache still resolves until the TTL
 * runs out; a cold one gives the browser's resolution error.
 */
import type { Client, DnsRecord, Ms } from '../model/types.js';
import { browserNotResolved } from './messages.js';
import { isDown } from './reality.js';
import { DNS_MS, RESOLVER_MS, RESOLVER_TIMEOUT } from './timings.js';
import { cacheAnswer, cachedAnswer, hop, type Exchange } from './exchange.js';
import { topologyIndex } from './topology-index.js';

export type Resolution = { readonly ok: true; readonly at: Ms; readonly ip: string } | { readonly ok: false; readonly at: Ms; readonly error: string };

/**
 * The id hops give the client's recursive resolver. It is not a component of the topology (ids
 * there never contain a space), so it can never be confused with one.
 */
export const RESOLVER = 'ISP resolver';

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

type Dns = (ex: Exchange, from: string, to: string, at: Ms, note: string, result?: 'ok' | 'failed' | 'timeout', direction?: 'request' | 'response') => void;
const dnsHop: Dns = (ex, from, to, at, note, result = 'ok', direction = 'request') =>
  hop(ex, () => ({ at, from, to, protocol: 'DNS', port: 53, note, direction, result }));

/** Asks the authoritative servers in turn, from the resolver; records the answer in the cache. */
function recurse(ex: Exchange, name: string, at: Ms): { ok: true; at: Ms; ip: string; note: string } | { ok: false; at: Ms; nxdomain: boolean } {
  let t = at;
  for (const dns of topologyIndex(ex.state.topology).dnsServers) {
    if (isDown(ex.state, dns.id)) {
      t += RESOLVER_TIMEOUT;
      dnsHop(ex, RESOLVER, dns.id, t, `A ${name}? no answer: ${dns.id} is down (given up after ${RESOLVER_TIMEOUT / 1000} s)`, 'timeout');
      continue;
    }
    dnsHop(ex, RESOLVER, dns.id, t + DNS_MS, `A ${name}? (not in the resolver's cache, so it asks the site's name server)`);
    t += 2 * DNS_MS;
    const { chain, a } = lookupA(ex.state.topology.dns, name);
    if (!a) {
      dnsHop(ex, dns.id, RESOLVER, t, `NXDOMAIN: no address record for ${name}`, 'failed', 'response');
      return { ok: false, at: t, nxdomain: true };
    }
    const ttl = Math.min(...chain.map((r) => r.ttl));
    dnsHop(ex, dns.id, RESOLVER, t, chain.length > 1 ? `${describe(chain)}; cached for ${ttl} s (the shortest TTL of the chain)` : `${describe(chain)}; the resolver caches it that long`, 'ok', 'response');
    if (ex.record) cacheAnswer(ex, { name, type: a.type, value: a.value, ttl, expiresAt: ex.state.now + ttl * 1000 });
    return { ok: true, at: t, ip: a.value, note: `${name} A ${a.value}` };
  }
  return { ok: false, at: t, nxdomain: false };
}

/** Resolves `name` for the browser through its resolver, recording the query and answer hops. */
export function resolve(ex: Exchange, client: Client, name: string, at: Ms): Resolution {
  const cached = cachedAnswer(ex);
  const now = ex.state.now;
  const asked = at + RESOLVER_MS;
  if (cached && cached.name === name && cached.expiresAt > now) {
    dnsHop(ex, client.id, RESOLVER, asked, `A ${name}?`);
    const left = Math.ceil((cached.expiresAt - now) / 1000);
    dnsHop(ex, RESOLVER, client.id, asked + RESOLVER_MS, `${name} A ${cached.value}, from the resolver's cache (${left} s of its TTL left; the site's name servers are not asked)`, 'ok', 'response');
    return { ok: true, at: asked + RESOLVER_MS, ip: cached.value };
  }
  dnsHop(ex, client.id, RESOLVER, asked, `A ${name}?`);
  const r = recurse(ex, name, asked);
  const back = r.at + RESOLVER_MS;
  if (!r.ok) {
    const what = r.nxdomain ? 'NXDOMAIN' : 'SERVFAIL: no name server of the site answered, and nothing is cached';
    dnsHop(ex, RESOLVER, client.id, back, what, 'failed', 'response');
    return { ok: false, at: back, error: browserNotResolved(name, r.nxdomain) };
  }
  dnsHop(ex, RESOLVER, client.id, back, r.note, 'ok', 'response');
  return { ok: true, at: back, ip: r.ip };
}
