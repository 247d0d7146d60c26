/**
 * /etc/keepalived/keepalived.conf for a member of a VIP cluster: the first member is MASTER at
 * priority 101, the others BACKUP at 100, 99 ... (the simulation's takeover times come from the
 * same priorities), adverts every second. With the cluster's `track-script`, a `vrrp_script`
 * runs `pidof` on the load balancer's process and, with weight 0, a failure puts the instance in
 * FAULT so it gives up the address (keepalived.conf(5), vrrp_script / track_script); without
 * it, keepalived only watches its peer and a stopped HAProxy keeps the VIP.
 */
import type { LoadBalancer, Topology, TrackScript, VipCluster } from '../model/types.js';
import { VRRP_ADVERT, VRRP_MASTER_PRIORITY } from '../sim/index.js';
import type { ConfigFile } from './config-types.js';

/** The process keepalived watches on a load balancer (HAProxy's, which the topology models). */
const WATCHED_PROCESS = 'haproxy';

/** keepalived takes seconds, with decimals. */
function seconds(ms: number): string {
  return String(ms / 1000);
}

function script(track: TrackScript): string[] {
  return [
    `vrrp_script chk_${WATCHED_PROCESS} {`,
    `    script "/usr/bin/pidof ${WATCHED_PROCESS}"`,
    `    interval ${seconds(track.interval)}`,
    `    fall ${track.fall}`,
    `    rise ${track.rise}`,
    '}',
    '',
  ];
}

function instance(cluster: VipCluster, lb: LoadBalancer, rank: number): string[] {
  return [
    `vrrp_instance ${cluster.id.replace(/[^A-Za-z0-9_-]/g, '_')} {`,
    `    state ${rank === 0 ? 'MASTER' : 'BACKUP'}`,
    '    interface eth0',
    '    virtual_router_id 51',
    `    priority ${VRRP_MASTER_PRIORITY - rank}`,
    `    advert_int ${seconds(VRRP_ADVERT)}`,
    '    virtual_ipaddress {',
    `        ${cluster.vip}`,
    '    }',
    ...(cluster.trackScript ? ['    track_script {', `        chk_${WATCHED_PROCESS}`, '    }'] : []),
    '}',
  ];
}

export function keepalivedFiles(topology: Topology, lb: LoadBalancer): readonly ConfigFile[] {
  const cluster = topology.clusters.find((c): c is VipCluster => c.kind === 'vip' && c.members.includes(lb.id));
  if (!cluster) return [];
  const host = lb.host ?? lb.id;
  const lines = [
    'global_defs {',
    `    router_id ${host}`,
    ...(cluster.trackScript ? ['    script_user root', '    enable_script_security'] : []),
    '}',
    '',
    ...(cluster.trackScript ? script(cluster.trackScript) : []),
    ...instance(cluster, lb, cluster.members.indexOf(lb.id)),
  ];
  return [{ host, path: '/etc/keepalived/keepalived.conf', owner: lb.id, lines }];
}
