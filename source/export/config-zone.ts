/** The zone a DNS provider serves, as a zone file (the format providers import). */
import type { ComponentOf, Topology } from '../model/types.js';
import type { ConfigFile } from './config-types.js';

export function zoneFiles(topology: Topology, dns: ComponentOf<'dns'>): readonly ConfigFile[] {
  const records = topology.dns.map((r) => `${`${r.name}.`.padEnd(24)} ${String(r.ttl).padEnd(6)} IN  ${r.type.padEnd(5)} ${r.value}`);
  return [{ host: dns.id, path: `/zones/${topology.domain}.zone`, owner: dns.id, lines: [`$ORIGIN ${topology.domain}.`, ...records] }];
}
