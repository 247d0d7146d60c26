import { lookup } from '../model/lookup.js';
import type { Component, Database, Firewall, Host, LoadBalancer, Topology, VipCluster, WebServer } from '../model/types.js';
import { HAPROXY_BACKEND } from '../sim/index.js';

/** One configuration file (or shell session) as a student would type it on the server. */
export interface ConfigSnippet {
  /** Where it lives, e.g. `/etc/haproxy/haproxy.cfg`, or `shell` for commands. */
  readonly file: string;
  readonly lines: readonly string[];
}

/**
 * The real configuration that matches a component or host of the topology: an haproxy.cfg
 * frontend and backend, an Nginx server block, my.cnf replication lines, keepalived.conf, a zone
 * record, iptables rules. Guaranteed deterministic and derived only from the topology (ports,
 * addresses, health-check timings, roles), so the text agrees with what the simulation does.
 * Returns an empty list for ids with no configuration of their own (the browser, code).
 */
export function configSnippets(topology: Topology, id: string): readonly ConfigSnippet[] {
  const look = lookup(topology);
  const host = look.host(id);
  if (host) return hostSnippets(topology, host);
  const component = look.component(id);
  return component ? componentSnippets(topology, component) : [];
}

function componentSnippets(topology: Topology, c: Component): readonly ConfigSnippet[] {
  switch (c.kind) {
    case 'load-balancer':
      return [haproxy(topology, c), ...keepalived(topology, c)];
    case 'web-server':
      return [nginx(topology, c)];
    case 'app-server':
      return [{ file: '/etc/systemd/system/gunicorn.service (excerpt)', lines: [`ExecStart=/usr/bin/gunicorn --bind 0.0.0.0:${c.port} --workers 3 app:app`] }];
    case 'database':
      return mysql(topology, c);
    case 'firewall':
      return [iptables(topology, c)];
    case 'dns':
      return [zone(topology)];
    case 'monitoring-agent':
      return [{ file: '/opt/SumoCollector/config/sources.json (excerpt)', lines: ['{ "sources": [', '  { "sourceType": "LocalFile", "name": "nginx-access",', '    "pathExpression": "/var/log/nginx/access.log" }', '] }'] }];
    default:
      return [];
  }
}

/** The address another machine uses to reach a component: its host's IP. */
function addressOf(topology: Topology, id: string): string {
  const look = lookup(topology);
  const hostId = look.component(id)?.host;
  return (hostId && look.host(hostId)?.ip) ?? id;
}

function portOf(topology: Topology, id: string): number {
  const c = lookup(topology).component(id);
  return c && 'port' in c ? c.port : 80;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function haproxy(topology: Topology, lb: LoadBalancer): ConfigSnippet {
  const bind = lb.tls ? `    bind *:${lb.port} ssl crt /etc/haproxy/certs/${lb.tls.certificate}.pem` : `    bind *:${lb.port}`;
  const { inter, fall, rise } = lb.health;
  const servers = lb.backends.map(
    (b) => `    server ${b} ${addressOf(topology, b)}:${portOf(topology, b)} check inter ${seconds(inter)} fall ${fall} rise ${rise}`,
  );
  return {
    file: '/etc/haproxy/haproxy.cfg',
    lines: [
      'frontend www',
      bind,
      '    mode http',
      ...(lb.tls ? ['    http-request set-header X-Forwarded-Proto https'] : []),
      `    default_backend ${HAPROXY_BACKEND}`,
      '',
      `backend ${HAPROXY_BACKEND}`,
      `    balance ${lb.balance}`,
      ...(lb.health.check === 'http' ? ['    option httpchk'] : []),
      `    retries ${lb.retries}`,
      ...(lb.redispatch ? ['    option redispatch'] : []),
      ...servers,
    ],
  };
}

function keepalived(topology: Topology, lb: LoadBalancer): readonly ConfigSnippet[] {
  const cluster = topology.clusters.find((c): c is VipCluster => c.kind === 'vip' && c.members.includes(lb.id));
  if (!cluster) return [];
  const first = cluster.members[0] === lb.id;
  return [
    {
      file: '/etc/keepalived/keepalived.conf',
      lines: [
        `vrrp_instance ${cluster.id} {`,
        `    state ${first ? 'MASTER' : 'BACKUP'}`,
        '    interface eth0',
        '    virtual_router_id 51',
        `    priority ${first ? 101 : 100}`,
        '    advert_int 1',
        '    virtual_ipaddress {',
        `        ${cluster.vip}`,
        '    }',
        '}',
      ],
    },
  ];
}

function nginx(topology: Topology, web: WebServer): ConfigSnippet {
  const upstream = web.upstream.map((u) => {
    const local = lookup(topology).component(u)?.host === web.host;
    return `    server ${local ? '127.0.0.1' : addressOf(topology, u)}:${portOf(topology, u)};`;
  });
  const statics = web.static.flatMap((prefix) => [`    location ${prefix} {`, '        root /var/www;', '    }']);
  return {
    file: '/etc/nginx/sites-available/default',
    lines: [
      ...(upstream.length > 0 ? ['upstream app {', ...upstream, '}', ''] : []),
      'server {',
      `    listen ${web.port};`,
      `    server_name www.${topology.domain};`,
      ...statics,
      ...(upstream.length > 0 ? ['    location / {', '        proxy_pass http://app;', '    }'] : []),
      '}',
    ],
  };
}

function mysql(topology: Topology, db: Database): readonly ConfigSnippet[] {
  const databases = lookup(topology).ofKind('database');
  const serverId = databases.findIndex((d) => d.id === db.id) + 1;
  const cnf: ConfigSnippet = {
    file: '/etc/mysql/mysql.conf.d/mysqld.cnf',
    lines: [
      '[mysqld]',
      `server-id        = ${serverId}`,
      'log_bin          = mysql-bin',
      `port             = ${db.port}`,
      'bind-address     = 0.0.0.0',
      ...(db.role === 'replica' ? ['relay_log        = mysql-relay-bin', 'read_only        = ON', 'super_read_only  = ON'] : []),
    ],
  };
  if (db.role !== 'replica' || !db.replicates) return [cnf];
  const source = addressOf(topology, db.replicates);
  return [
    cnf,
    {
      file: 'mysql> (once, on the replica)',
      lines: [
        `CHANGE REPLICATION SOURCE TO SOURCE_HOST='${source}', SOURCE_PORT=${portOf(topology, db.replicates)},`,
        "  SOURCE_USER='replica', SOURCE_PASSWORD='...', SOURCE_AUTO_POSITION=1;",
        'START REPLICA;',
      ],
    },
  ];
}

function iptables(topology: Topology, fw: Firewall): ConfigSnippet {
  const look = lookup(topology);
  const sources = (from: Firewall['rules'][number]['from']): readonly (string | undefined)[] =>
    from === 'any' ? [undefined] : from.map((h) => look.host(h)?.ip ?? h);
  const rules = fw.rules.flatMap((rule) =>
    sources(rule.from).map((ip) => {
      const src = ip ? ` -s ${ip}` : '';
      return rule.allow === 'vrrp' ? `iptables -A INPUT -p vrrp${src} -j ACCEPT` : `iptables -A INPUT -p tcp${src} --dport ${rule.allow} -j ACCEPT`;
    }),
  );
  const closing = fw.default === 'reject' ? ['iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset'] : ['iptables -P INPUT DROP'];
  return {
    file: `shell on ${fw.protects}`,
    lines: ['iptables -A INPUT -i lo -j ACCEPT', 'iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', ...rules, ...closing],
  };
}

function zone(topology: Topology): ConfigSnippet {
  return {
    file: `zone ${topology.domain}`,
    lines: topology.dns.map((r) => `${`${r.name}.`.padEnd(24)} ${String(r.ttl).padEnd(6)} IN  ${r.type.padEnd(5)} ${r.value}`),
  };
}

function hostSnippets(topology: Topology, host: Host): readonly ConfigSnippet[] {
  const firewall = lookup(topology)
    .ofKind('firewall')
    .find((f) => f.protects === host.id);
  if (firewall) return [iptables(topology, firewall)];
  const open = lookup(topology)
    .onHost(host.id)
    .filter((c) => 'port' in c)
    .map((c) => `#   ${String((c as { port: number }).port).padEnd(5)} ${c.id}`);
  return [{ file: `no firewall on ${host.id}`, lines: ['# every listening port is reachable from the internet:', ...open] }];
}
