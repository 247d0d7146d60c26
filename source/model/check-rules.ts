import { durationMs } from './defaults.js';
import type { ComponentFile, TopologyFile } from './file-schema.js';
import type { FileIndex } from './file-index.js';
import { kindSpecs } from './kinds.js';
import type { FilePath } from './positions.js';
import type { Problem } from './problems.js';
import { references } from './references.js';

const database = (index: FileIndex, id: string | undefined) => {
  const c = id === undefined ? undefined : index.components.get(id);
  return c?.kind === 'database' ? c : undefined;
};

/** Placement and the per-kind rules that one component can break on its own. */
function componentRules(c: ComponentFile, path: FilePath, index: FileIndex): Problem[] {
  const out: Problem[] = [];
  if (kindSpecs[c.kind].onHost && c.host === undefined) {
    const hosts = index.hostIds.length > 0 ? ` (one of ${index.hostIds.join(', ')})` : ' and define it under hosts';
    out.push({ path, message: `a ${c.kind} runs on a machine: add host: <host id>${hosts}` });
  }
  if (c.kind === 'database') {
    const role = c.role ?? 'primary';
    if (role === 'replica' && c.replicates === undefined) out.push({ path, message: 'a replica needs replicates: <the primary it copies>' });
    if (role === 'primary' && c.replicates !== undefined) {
      out.push({ path: [...path, 'replicates'], message: 'only a replica copies another database: set role: replica, or remove replicates' });
    }
    const source = database(index, c.replicates);
    if (role === 'replica' && source && (source.role ?? 'primary') !== 'primary') {
      out.push({ path: [...path, 'replicates'], message: `"${source.id}" is a replica; replicates must name a database with role: primary` });
    }
  }
  if (c.kind === 'load-balancer' && c.health?.inter !== undefined) {
    const ms = durationMs(c.health.inter);
    if (ms < 100 || ms > 60_000) out.push({ path: [...path, 'health', 'inter'], message: `checks every ${c.health.inter} are not sensible; use 100ms to 1m (HAProxy's default is 2s)` });
  }
  return out;
}

/** A cycle through backends/upstream, reported once at the reference that closes it. */
function requestCycles(file: TopologyFile, index: FileIndex): Problem[] {
  const next = new Map<string, { id: string; path: FilePath }[]>();
  for (const ref of references(file)) {
    if ((ref.field !== 'backends' && ref.field !== 'upstream') || ref.from === undefined || !index.components.has(ref.id)) continue;
    next.set(ref.from, [...(next.get(ref.from) ?? []), { id: ref.id, path: ref.path }]);
  }
  const out: Problem[] = [];
  const done = new Set<string>();
  const walk = (id: string, trail: string[]) => {
    if (done.has(id)) return;
    for (const edge of next.get(id) ?? []) {
      const loop = trail.indexOf(edge.id);
      if (loop >= 0 || edge.id === id) {
        out.push({ path: edge.path, message: `requests would loop: ${[...trail.slice(loop), id, edge.id].join(' → ')}` });
      } else {
        walk(edge.id, [...trail, id]);
      }
    }
    done.add(id);
  };
  for (const c of file.components) walk(c.id, []);
  return out;
}

/** Replication clusters must agree with the roles and `replicates` of their databases. */
function replicationRules(file: TopologyFile, index: FileIndex): Problem[] {
  const out: Problem[] = [];
  (file.clusters ?? []).forEach((c, i) => {
    if (c.kind !== 'replication') return;
    const primary = database(index, c.primary);
    if (primary && (primary.role ?? 'primary') !== 'primary') {
      out.push({ path: ['clusters', i, 'primary'], message: `"${c.primary}" has role: replica; the cluster's primary must have role: primary` });
    }
    c.replicas.forEach((id, k) => {
      const replica = database(index, id);
      if (!replica) return;
      if ((replica.role ?? 'primary') !== 'replica') out.push({ path: ['clusters', i, 'replicas', k], message: `"${id}" is a primary; list it as the cluster's primary or give it role: replica` });
      // Against a primary that does not exist, the dangling reference is the one problem to report.
      else if (primary && replica.replicates !== undefined && replica.replicates !== c.primary) {
        out.push({ path: ['clusters', i, 'replicas', k], message: `"${id}" replicates "${replica.replicates}", not this cluster's primary "${c.primary}"` });
      }
    });
  });
  return out;
}

/** Addresses: unique per host; every A record answers with a host's address or a VIP. */
function addressRules(file: TopologyFile): Problem[] {
  const out: Problem[] = [];
  const owner = new Map<string, string>();
  (file.hosts ?? []).forEach((h, i) => {
    const first = owner.get(h.ip);
    if (first !== undefined) out.push({ path: ['hosts', i, 'ip'], message: `address ${h.ip} is already used by host "${first}"` });
    else owner.set(h.ip, h.id);
    if (h.id === 'any') out.push({ path: ['hosts', i, 'id'], message: '"any" is reserved (firewall rules use from: any); pick another host id' });
  });
  const vips = new Set((file.clusters ?? []).flatMap((c) => (c.kind === 'vip' ? [c.vip] : [])));
  (file.dns ?? []).forEach((r, i) => {
    const path: FilePath = ['dns', i, 'value'];
    if (r.type === 'A' && !owner.has(r.value) && !vips.has(r.value)) {
      out.push({ path, message: `${r.name} points at ${r.value}, which is neither a host's ip nor a VIP` });
    } else if (r.type === 'AAAA' && !r.value.includes(':')) {
      out.push({ path, message: `an AAAA record holds an IPv6 address, found ${r.value}` });
    } else if (r.type === 'CNAME' && /^[\d.]+$/.test(r.value)) {
      out.push({ path, message: 'a CNAME points at a name; an address needs an A record' });
    }
  });
  return out;
}

/**
 * The rules beyond references: placement on hosts, database roles and replication, request
 * loops, sane health-check timing, unique addresses, DNS answers that lead somewhere.
 */
export function checkRules(file: TopologyFile, index: FileIndex): Problem[] {
  return [
    ...file.components.flatMap((c, i) => componentRules(c, ['components', i], index)),
    ...requestCycles(file, index),
    ...replicationRules(file, index),
    ...addressRules(file),
  ];
}
