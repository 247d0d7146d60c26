/**
 * /etc/haproxy/haproxy.cfg for a load balancer: Debian's global section, `mode http` and every
 * time-out set in `defaults` (unset they are infinite and HAProxy warns), a frontend that
 * terminates TLS where the topology says so (with port 80 redirecting to HTTPS), and the backend
 * with its balance written out (HAProxy 3.3 changed the default to `random`), health checks,
 * retries and redispatch exactly as the simulation models them.
 */
import { lookup } from '../model/lookup.js';
import type { LoadBalancer, Topology } from '../model/types.js';
import { HAPROXY_BACKEND, HTTP_REDIRECT_PORT } from '../sim/index.js';
import { duration, type ConfigFile, type Placement } from './config-types.js';

/** Where the certificate and its key are installed (one PEM, as `crt` wants it). */
function certificatePath(certificate: string): string {
  return `/etc/haproxy/certs/${certificate}.pem`;
}

function bind(placement: Placement, host: string, port: number, tls: string): string {
  const e = placement(host, port);
  return `    bind ${e.ip ?? ''}:${e.port}${tls}`;
}

function frontend(lb: LoadBalancer, placement: Placement): string[] {
  const host = lb.host ?? lb.id;
  if (!lb.tls) return ['frontend www', bind(placement, host, lb.port, ''), '    option forwardfor', `    default_backend ${HAPROXY_BACKEND}`];
  const redirect = lb.port === HTTP_REDIRECT_PORT ? [] : [bind(placement, host, HTTP_REDIRECT_PORT, '')];
  return [
    'frontend www',
    ...redirect,
    bind(placement, host, lb.port, ` ssl crt ${certificatePath(lb.tls.certificate)}`),
    '    # plain HTTP on port 80 only gets a redirect to HTTPS',
    '    http-request redirect scheme https code 301 unless { ssl_fc }',
    '    http-request set-header X-Forwarded-Proto https',
    '    option forwardfor',
    `    default_backend ${HAPROXY_BACKEND}`,
  ];
}

function backend(topology: Topology, lb: LoadBalancer, placement: Placement): string[] {
  const look = lookup(topology);
  const { inter, fall, rise } = lb.health;
  const servers = lb.backends.map((id) => {
    const c = look.component(id);
    const port = c && 'port' in c ? c.port : 80;
    const limit = lb.maxconn === undefined ? '' : ` maxconn ${lb.maxconn}`;
    return `    server ${id} ${placement(c?.host ?? id, port).reach} check inter ${duration(inter)} fall ${fall} rise ${rise}${limit}`;
  });
  return [
    `backend ${HAPROXY_BACKEND}`,
    '    mode http',
    `    balance ${lb.balance}`,
    ...(lb.health.check === 'http' ? ['    # the check sends OPTIONS / HTTP/1.0; 2xx and 3xx pass', '    option httpchk'] : []),
    `    retries ${lb.retries}`,
    ...(lb.redispatch ? ['    option redispatch'] : []),
    ...servers,
  ];
}

/** The haproxy.cfg of `lb`, complete: `haproxy -c -f` accepts it without a warning. */
export function haproxyFiles(topology: Topology, lb: LoadBalancer, placement: Placement): readonly ConfigFile[] {
  const { connect, client, server } = lb.timeouts;
  const lines = [
    'global',
    '    log /dev/log local0',
    '    chroot /var/lib/haproxy',
    '    stats socket /run/haproxy/admin.sock mode 660 level admin',
    '    user haproxy',
    '    group haproxy',
    '    daemon',
    ...(lb.tls ? ['    ssl-default-bind-options ssl-min-ver TLSv1.2'] : []),
    '',
    'defaults',
    '    log global',
    '    mode http',
    '    option httplog',
    '    option dontlognull',
    `    timeout connect ${duration(connect)}`,
    `    timeout client ${duration(client)}`,
    `    timeout server ${duration(server)}`,
    '',
    ...frontend(lb, placement),
    '',
    ...backend(topology, lb, placement),
  ];
  return [{ host: lb.host ?? lb.id, path: '/etc/haproxy/haproxy.cfg', owner: lb.id, lines }];
}
