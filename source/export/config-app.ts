/**
 * The systemd unit that runs an app server: Gunicorn with the worker count the engine models and
 * the `--timeout` it models (30 s, Gunicorn's default: a worker silent for longer is killed and restarted).
 */
import type { AppServer, Topology } from '../model/types.js';
import { GUNICORN_TIMEOUT } from '../sim/index.js';
import type { ConfigFile, Placement } from './config-types.js';

export function appFiles(topology: Topology, app: AppServer, placement: Placement): readonly ConfigFile[] {
  const e = placement(app.host ?? app.id, app.port);
  const bindTo = `${e.ip ?? '0.0.0.0'}:${e.port}`;
  const lines = [
    '[Unit]',
    `Description=Gunicorn serving ${topology.domain} (${app.id})`,
    'After=network.target',
    '',
    '[Service]',
    'User=www-data',
    'Group=www-data',
    `WorkingDirectory=/srv/${topology.domain}`,
    `ExecStart=/usr/bin/gunicorn --bind ${bindTo} --workers ${app.workers} --timeout ${GUNICORN_TIMEOUT / 1000} --access-logfile /var/log/gunicorn/access.log --error-logfile /var/log/gunicorn/error.log app:app`,
    'Restart=always',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
  ];
  return [{ host: app.host ?? app.id, path: '/etc/systemd/system/gunicorn.service', owner: app.id, lines }];
}

/** The log files Gunicorn writes (the agent on its host follows them). */
export const GUNICORN_LOGS = ['/var/log/gunicorn/access.log', '/var/log/gunicorn/error.log'] as const;
