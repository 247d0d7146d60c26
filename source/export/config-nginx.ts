/**
 * Nginx for a web server: a complete /etc/nginx/nginx.conf (Debian's layout, with its compiled-in
 * temp paths written out so every path the server touches is in the file) and the site: static
 * locations served from disk and an upstream for the app servers, with the proxy time-outs and
 * failure marks the simulation uses.
 */
import { lookup } from '../model/lookup.js';
import type { Topology, WebServer } from '../model/types.js';
import { NGINX_CONNECT_TIMEOUT, NGINX_FAIL_TIMEOUT, NGINX_READ_TIMEOUT } from '../sim/index.js';
import { duration, siteRoot, type ConfigFile, type Placement } from './config-types.js';

/** The MIME types the site serves, inline so the file needs no `include mime.types`. */
const types = ['text/html html htm', 'text/css css', 'application/javascript js', 'application/json json', 'image/png png', 'image/jpeg jpg jpeg', 'image/svg+xml svg', 'image/x-icon ico'];

/** Nginx's log files, which the monitoring agent on the same host follows. */
export const NGINX_LOGS = { access: '/var/log/nginx/access.log', error: '/var/log/nginx/error.log' } as const;

function mainConf(): string[] {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${`${t}_temp_path`.padEnd(22)}/var/lib/nginx/${t === 'client_body' ? 'body' : t};`);
  return [
    'user www-data;',
    'worker_processes auto;',
    'pid /run/nginx.pid;',
    `error_log ${NGINX_LOGS.error};`,
    '',
    'events {',
    '    worker_connections 768;',
    '}',
    '',
    'http {',
    '    types {',
    ...types.map((t) => {
      const [mime, ...ext] = t.split(' ');
      return `        ${(mime ?? '').padEnd(24)}${ext.join(' ')};`;
    }),
    '    }',
    '    default_type application/octet-stream;',
    '    sendfile on;',
    '    keepalive_timeout 65s;',
    `    access_log ${NGINX_LOGS.access};`,
    ...temp,
    '    include /etc/nginx/conf.d/*.conf;',
    '}',
  ];
}

function upstream(topology: Topology, web: WebServer, placement: Placement): string[] {
  const look = lookup(topology);
  const servers = web.upstream.map((id) => {
    const c = look.component(id);
    const port = c && 'port' in c ? c.port : 8000;
    const e = placement(c?.host ?? id, port);
    const reach = c?.host === web.host ? `127.0.0.1:${e.port}` : e.reach;
    return `    server ${reach} max_fails=1 fail_timeout=${duration(NGINX_FAIL_TIMEOUT)};`;
  });
  return [`upstream ${web.id}_app {`, ...servers, '}', ''];
}

function site(topology: Topology, web: WebServer, placement: Placement): string[] {
  const e = placement(web.host ?? web.id, web.port);
  const root = siteRoot(topology);
  const statics = web.static.flatMap((prefix) => [`    location ${prefix} {`, `        root ${root};`, '    }']);
  const proxied = web.upstream.length > 0;
  const dynamic = proxied
    ? [
        '    location / {',
        `        proxy_pass http://${web.id}_app;`,
        '        proxy_set_header Host $host;',
        '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
        `        proxy_connect_timeout ${duration(NGINX_CONNECT_TIMEOUT)};`,
        `        proxy_send_timeout ${duration(NGINX_READ_TIMEOUT)};`,
        `        proxy_read_timeout ${duration(NGINX_READ_TIMEOUT)};`,
        '        # a GET is tried on the next app server after an error or time-out; a POST is not',
        '        proxy_next_upstream error timeout;',
        '    }',
      ]
    : ['    location / {', `        root ${root};`, '    }'];
  return [
    ...(proxied ? upstream(topology, web, placement) : []),
    'server {',
    `    listen ${e.ip === null ? '' : `${e.ip}:`}${e.port};`,
    `    server_name ${topology.domain} www.${topology.domain};`,
    ...statics,
    ...dynamic,
    '}',
  ];
}

/** nginx.conf and the site of `web`, complete: `nginx -t` accepts them without a warning. */
export function nginxFiles(topology: Topology, web: WebServer, placement: Placement): readonly ConfigFile[] {
  const host = web.host ?? web.id;
  return [
    { host, path: '/etc/nginx/nginx.conf', owner: web.id, lines: mainConf() },
    { host, path: `/etc/nginx/conf.d/${topology.domain}.conf`, owner: web.id, lines: site(topology, web, placement) },
  ];
}
