/**
 * A Sumo Logic installed collector: user.properties and the sources it follows, which depend on
 * what runs on its host (Nginx's logs only where Nginx runs, HAProxy's where HAProxy runs...),
 * plus the host's metrics. It ships over outbound HTTPS (port 443).
 */
import { lookup } from '../model/lookup.js';
import type { Component, MonitoringAgent, Topology } from '../model/types.js';
import { GUNICORN_LOGS } from './config-app.js';
import { MYSQL_ERROR_LOG } from './config-mysql.js';
import { NGINX_LOGS } from './config-nginx.js';
import type { ConfigFile } from './config-types.js';

const SOURCES = '/opt/SumoCollector/config/sources.json';

/** The log files a component of each kind writes: what an agent on its host follows. */
const logsOf: { readonly [K in Component['kind']]?: readonly (readonly [name: string, path: string])[] } = {
  'load-balancer': [['haproxy', '/var/log/haproxy.log']],
  'web-server': [
    ['nginx-access', NGINX_LOGS.access],
    ['nginx-error', NGINX_LOGS.error],
  ],
  'app-server': [
    ['gunicorn-access', GUNICORN_LOGS[0]],
    ['gunicorn-error', GUNICORN_LOGS[1]],
  ],
  database: [['mysql-error', MYSQL_ERROR_LOG]],
};

function sources(topology: Topology, agent: MonitoringAgent): unknown[] {
  const host = agent.host ?? agent.id;
  const seen = new Set<string>();
  const files = lookup(topology)
    .onHost(host)
    .flatMap((c) => logsOf[c.kind] ?? [])
    .filter(([name]) => !seen.has(name) && seen.add(name));
  return [
    ...files.map(([name, path]) => ({ sourceType: 'LocalFile', name, pathExpression: path, category: `${topology.domain}/${host}/${name}` })),
    { sourceType: 'SystemStats', name: 'host-metrics', interval: 60000, category: `${topology.domain}/${host}/metrics` },
  ];
}

export function agentFiles(topology: Topology, agent: MonitoringAgent): readonly ConfigFile[] {
  const host = agent.host ?? agent.id;
  const json = JSON.stringify({ 'api.version': 'v1', sources: sources(topology, agent) }, null, 2);
  return [
    {
      host,
      path: '/opt/SumoCollector/config/user.properties',
      owner: agent.id,
      lines: [`name=${host}`, 'accessid=<access id from the Sumo Logic account>', 'accesskey=<access key from the Sumo Logic account>', `syncSources=${SOURCES}`],
    },
    { host, path: SOURCES, owner: agent.id, lines: json.split('\n') },
  ];
}
