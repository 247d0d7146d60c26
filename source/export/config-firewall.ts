/**
 * /etc/iptables/rules.v4 for a firewalled host, in iptables-restore format (what
 * netfilter-persistent loads at boot). Inbound: loopback, replies to the host's own connections,
 * SSH from the administrators' network, then exactly the topology's rules and its default.
 * Outbound is closed too, except what the host's programs need: DNS, the connections the
 * topology draws from this host, VRRP adverts, and HTTPS for a monitoring agent.
 */
import { edges } from '../model/edges.js';
import { lookup } from '../model/lookup.js';
import type { Firewall, FirewallRule, Topology } from '../model/types.js';
import type { ConfigFile } from './config-types.js';

/** The administrators' network (a documentation range, RFC 5737): the only source let in on SSH. */
const ADMIN_NETWORK = '198.51.100.0/24';
/** Where VRRP adverts go (keepalived/include/vrrp.h: 224.0.0.18, IP protocol 112). */
const VRRP_GROUP = '224.0.0.18';

function inbound(topology: Topology, rule: FirewallRule): string[] {
  const look = lookup(topology);
  const sources = rule.from === 'any' ? [''] : rule.from.map((h) => ` -s ${look.host(h)?.ip ?? h}`);
  return sources.map((src) => (rule.allow === 'vrrp' ? `-A INPUT -p vrrp${src} -j ACCEPT` : `-A INPUT -p tcp${src} --dport ${rule.allow} -j ACCEPT`));
}

/** The TCP connections programs on `host` open to other hosts, as `ip:port` with who opens them. */
function connections(topology: Topology, host: string): { readonly to: string; readonly port: number; readonly why: string }[] {
  const look = lookup(topology);
  const out = new Map<string, { to: string; port: number; why: string }>();
  for (const e of edges(topology)) {
    // Replication is drawn from the source, but the replica opens the connection.
    const [from, to] = e.kind === 'replication' ? [e.to, e.from] : [e.from, e.to];
    if (!['request', 'read', 'write', 'replication'].includes(e.kind)) continue;
    const a = look.component(from);
    const b = look.component(to);
    if (a?.host !== host || !b?.host || b.host === host || !('port' in b)) continue;
    const ip = look.host(b.host)?.ip ?? b.host;
    const key = `${ip}:${b.port}`;
    if (!out.has(key)) out.set(key, { to: ip, port: b.port, why: `${from} to ${to}` });
  }
  return [...out.values()];
}

function outbound(topology: Topology, host: string): string[] {
  const on = lookup(topology).onHost(host);
  const vrrp = topology.clusters.some((c) => c.kind === 'vip' && c.members.some((m) => on.some((x) => x.id === m)));
  const agent = on.find((c) => c.kind === 'monitoring-agent');
  return [
    '-A OUTPUT -o lo -j ACCEPT',
    '-A OUTPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    '-A OUTPUT -p udp --dport 53 -j ACCEPT',
    '-A OUTPUT -p tcp --dport 53 -j ACCEPT',
    ...connections(topology, host).flatMap((c) => [`# ${c.why}`, `-A OUTPUT -p tcp -d ${c.to} --dport ${c.port} -j ACCEPT`]),
    ...(vrrp ? ['# keepalived adverts', `-A OUTPUT -p vrrp -d ${VRRP_GROUP} -j ACCEPT`] : []),
    ...(agent ? [`# ${agent.id} ships to ${agent.kind === 'monitoring-agent' ? agent.shipsTo : ''} over HTTPS`, '-A OUTPUT -p tcp --dport 443 -j ACCEPT'] : []),
  ];
}

export function firewallFiles(topology: Topology, fw: Firewall): readonly ConfigFile[] {
  const closing = fw.default === 'reject' ? ['-A INPUT -p tcp -j REJECT --reject-with tcp-reset', '-A INPUT -j REJECT --reject-with icmp-port-unreachable'] : [];
  const lines = [
    `# ${fw.id}: what may reach ${fw.protects}; other packets are ${fw.default === 'reject' ? 'refused' : 'dropped in silence'}`,
    '*filter',
    ':INPUT DROP [0:0]',
    ':FORWARD DROP [0:0]',
    ':OUTPUT DROP [0:0]',
    '-A INPUT -i lo -j ACCEPT',
    '-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    '# administrators, over SSH',
    `-A INPUT -p tcp -s ${ADMIN_NETWORK} --dport 22 -j ACCEPT`,
    ...fw.rules.flatMap((r) => inbound(topology, r)),
    ...closing,
    ...outbound(topology, fw.protects),
    'COMMIT',
  ];
  return [{ host: fw.protects, path: '/etc/iptables/rules.v4', owner: fw.id, lines }];
}
