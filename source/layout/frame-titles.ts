import { lookup } from '../model/lookup.js';
import type { Topology } from '../model/types.js';
import type { Spacing } from './size.js';

/** Letters and digits only, in lower case: "Server 1" and "server-1" say the same thing. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether a host's label only restates its id ("Server 1" for server-1, "App server" for app-server-1). */
function restates(id: string, label: string): boolean {
  const a = squash(id);
  const b = squash(label);
  return a.includes(b) || b.includes(a);
}

/**
 * The titles a frame may carry, most informative first; the last is the shortest the arrangement
 * allows. Hosts: `id · label · ip` (left out when the label only restates the id), `id ip`, and
 * in a dense arrangement at `name` detail `id`. VIP groups: `VIP ip (keepalived)`, and in a dense
 * arrangement `VIP ip`. Guaranteed: never empty.
 */
export function frameTitles(topology: Topology, id: string, dense: Spacing['dense']): readonly string[] {
  const host = lookup(topology).host(id);
  if (host) {
    const full = restates(host.id, host.label) ? [] : [`${host.id} · ${host.label} · ${host.ip}`];
    return [...full, `${host.id} ${host.ip}`, ...(dense === 'name' ? [host.id] : [])];
  }
  const cluster = topology.clusters.find((c) => c.id === id);
  if (cluster?.kind === 'vip') return [`VIP ${cluster.vip} (keepalived)`, ...(dense ? [`VIP ${cluster.vip}`] : [])];
  return [id];
}
