/**
 * The zone a DNS provider serves, as a zone file (the format providers import). It starts with the
 * SOA and NS records every zone has, so it loads as it stands (`named-checkzone`); a provider puts
 * its own in their place on import. The NS names stand for each DNS component's name servers.
 */
import type { ComponentOf, Topology } from '../model/types.js';
import type { ConfigFile } from './config-types.js';

/**
 * SOA timers as a managed provider (Route 53) writes them: refresh 2 h, retry 15 min, expire
 * 14 days, and a negative-caching time of 1 day, capped by the SOA's own TTL of 15 min (RFC 2308):
 * a resolver remembers "no such name" for 15 minutes.
 */
const SOA_TTL = 900;
const SOA_TIMERS = '7200 900 1209600 86400';

/** The name server name standing for a DNS component (.example is reserved for such names, RFC 2606). */
const nameServer = (id: string) => `ns.${id}.example.`;

export function zoneFiles(topology: Topology, dns: ComponentOf<'dns'>): readonly ConfigFile[] {
  const line = (name: string, ttl: number, type: string, value: string) => `${name.padEnd(24)} ${String(ttl).padEnd(6)} IN  ${type.padEnd(5)} ${value}`;
  const servers = topology.components.filter((c) => c.kind === 'dns').map((c) => nameServer(c.id));
  const apex = `${topology.domain}.`;
  return [
    {
      host: dns.id,
      path: `/zones/${topology.domain}.zone`,
      owner: dns.id,
      lines: [
        `$ORIGIN ${apex}`,
        line(apex, SOA_TTL, 'SOA', `${nameServer(dns.id)} hostmaster.${apex} 1 ${SOA_TIMERS}`),
        ...servers.map((ns) => line(apex, 172800, 'NS', ns)),
        ...topology.dns.map((r) => line(`${r.name}.`, r.ttl, r.type, r.value)),
      ],
    },
  ];
}
