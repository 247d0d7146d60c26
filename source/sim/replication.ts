/**
 * MySQL asynchronous replication: replicas pull the primary's changes and run read-only, so a
 * write sent to one fails with ERROR 1290. Promotion follows the runbook (fence the old primary,
 * STOP REPLICA, RESET REPLICA ALL, read_only=OFF, repoint the app servers), by hand or, with
 * `failover: automatic`, by a failover manager once the primary has been unreachable for
 * DB_FAILOVER_DELAY.
 */
import type { ReplicationCluster } from '../model/types.js';
import { writable, type Draft } from './draft.js';
import { isDown, isUnreachable } from './reality.js';
import { DB_FAILOVER_DELAY } from './timings.js';
import type { SimEvent } from './types.js';

function note(d: Draft, source: string, level: SimEvent['level'], text: string): SimEvent {
  return { at: d.now, source, kind: 'replication', level, text };
}

/** The replicas that currently pull from `primary`. */
function replicasOf(d: Draft, primary: string): string[] {
  return Object.keys(d.databases).filter((id) => d.databases[id]?.source === primary);
}

/**
 * Promotes `replica` to primary of `cluster`, step by step. Returns false (with an error event)
 * when it cannot: not a replica of this cluster, or down.
 */
export function promote(d: Draft, cluster: ReplicationCluster, replica: string, how: 'manual' | 'automatic', events: SimEvent[]): boolean {
  const old = d.replication[cluster.id]?.primary ?? cluster.primary;
  if (d.databases[replica]?.source !== old) {
    events.push(note(d, replica, 'error', `${replica} is not a replica of ${old}: nothing to promote`));
    return false;
  }
  if (isDown(d, replica)) {
    events.push(note(d, replica, 'error', `${replica} is down: it cannot be promoted`));
    return false;
  }
  const who = how === 'manual' ? 'runbook' : 'failover manager';
  const steps = [
    `${who}: fence ${old} (super_read_only=ON) so it can never take writes again`,
    `${who}: on ${replica}: STOP REPLICA; RESET REPLICA ALL;`,
    `${who}: on ${replica}: SET GLOBAL super_read_only=OFF; SET GLOBAL read_only=OFF;`,
  ];
  for (const s of steps) events.push(note(d, replica, 'info', s));
  const others = replicasOf(d, old).filter((r) => r !== replica);
  const databases = writable(d, 'databases');
  databases[old] = { readOnly: true, source: replica };
  databases[replica] = { readOnly: false, source: null };
  for (const r of others) databases[r] = { readOnly: true, source: replica };
  const apps = Object.keys(d.appWrites).filter((a) => d.appWrites[a] === old);
  const writes = writable(d, 'appWrites');
  for (const a of apps) writes[a] = replica;
  writable(d, 'replication')[cluster.id] = { primary: replica, failoverAt: null };
  events.push(note(d, replica, 'warn', `${who}: ${replica} is the primary now; ${apps.length > 0 ? `${apps.join(', ')} write to it` : 'no app server writes to it yet'}; ${old} must be rebuilt as its replica`));
  return true;
}

/** Starts, cancels or fires the automatic failover of every `failover: automatic` cluster at `d.now`. */
export function updateReplication(d: Draft, events: SimEvent[]): void {
  for (const cluster of d.topology.clusters) {
    if (cluster.kind !== 'replication' || cluster.failover !== 'automatic') continue;
    const r = d.replication[cluster.id];
    if (!r) continue;
    // The manager watches over the network: a primary cut off by its firewall looks dead too.
    const candidate = replicasOf(d, r.primary).find((id) => !isUnreachable(d, id));
    if (!isUnreachable(d, r.primary) || candidate === undefined) {
      if (r.failoverAt !== null) {
        writable(d, 'replication')[cluster.id] = { ...r, failoverAt: null };
        const why = isUnreachable(d, r.primary) ? 'no replica is left to promote' : `${r.primary} answers again`;
        events.push(note(d, r.primary, 'info', `failover manager: ${why}; failover called off`));
      }
      continue;
    }
    if (r.failoverAt === null) {
      writable(d, 'replication')[cluster.id] = { ...r, failoverAt: d.now + DB_FAILOVER_DELAY };
      events.push(note(d, r.primary, 'warn', `failover manager: ${r.primary} does not answer; it promotes ${candidate} in ${DB_FAILOVER_DELAY / 1000} s unless it comes back`));
    } else if (r.failoverAt <= d.now) {
      promote(d, cluster, candidate, 'automatic', events);
    }
  }
}
