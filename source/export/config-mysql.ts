/**
 * MySQL 8: mysqld.cnf with a unique server-id, the binary log and GTIDs (`gtid_mode=ON` needs
 * `enforce_gtid_consistency=ON`; without them `SOURCE_AUTO_POSITION=1` fails with ERROR 1777),
 * read-only replicas, and the replication setup as the MySQL 8.0 manual writes it
 * ("Setting Up Replication Using GTIDs"; CHANGE REPLICATION SOURCE TO from 8.0.23).
 */
import { lookup } from '../model/lookup.js';
import type { Database, Topology } from '../model/types.js';
import type { ConfigFile } from './config-types.js';

/** The replication account; the password is a placeholder to replace before use. */
const REPLICATION_USER = { name: 'replica', password: 'change-me' } as const;

/** MySQL's error log, which the monitoring agent on the same host follows. */
export const MYSQL_ERROR_LOG = '/var/log/mysql/error.log';

function ipOf(topology: Topology, id: string): string {
  const look = lookup(topology);
  return look.host(look.component(id)?.host ?? '')?.ip ?? id;
}

function cnf(topology: Topology, db: Database): string[] {
  const serverId = lookup(topology).ofKind('database').findIndex((d) => d.id === db.id) + 1;
  return [
    '[mysqld]',
    `server-id                = ${serverId}`,
    `port                     = ${db.port}`,
    'bind-address             = 0.0.0.0',
    'log_bin                  = mysql-bin',
    'binlog_format            = ROW',
    'gtid_mode                = ON',
    'enforce_gtid_consistency = ON',
    `log_error                = ${MYSQL_ERROR_LOG}`,
    ...(db.role === 'replica' ? ['relay_log                = mysql-relay-bin', 'read_only                = ON', 'super_read_only          = ON'] : []),
  ];
}

/** On the primary: the account each replica connects with, limited to that replica's address. */
function grants(topology: Topology, db: Database): string[] {
  const replicas = lookup(topology)
    .ofKind('database')
    .filter((r) => r.replicates === db.id);
  return replicas.flatMap((r) => {
    const account = `'${REPLICATION_USER.name}'@'${ipOf(topology, r.id)}'`;
    return [`CREATE USER ${account} IDENTIFIED BY '${REPLICATION_USER.password}';`, `GRANT REPLICATION SLAVE ON *.* TO ${account};`];
  });
}

/** On a replica: where its source is, by GTID auto-positioning, then start replicating. */
function changeSource(topology: Topology, db: Database, source: Database): string[] {
  return [
    '-- caching_sha2_password (the MySQL 8 default) over a connection without TLS needs the source key',
    'CHANGE REPLICATION SOURCE TO',
    `  SOURCE_HOST = '${ipOf(topology, source.id)}',`,
    `  SOURCE_PORT = ${source.port},`,
    `  SOURCE_USER = '${REPLICATION_USER.name}',`,
    `  SOURCE_PASSWORD = '${REPLICATION_USER.password}',`,
    '  SOURCE_AUTO_POSITION = 1,',
    '  GET_SOURCE_PUBLIC_KEY = 1;',
    'START REPLICA;',
  ];
}

export function mysqlFiles(topology: Topology, db: Database): readonly ConfigFile[] {
  const host = db.host ?? db.id;
  const files: ConfigFile[] = [{ host, path: '/etc/mysql/mysql.conf.d/mysqld.cnf', owner: db.id, lines: cnf(topology, db) }];
  const accounts = grants(topology, db);
  if (accounts.length > 0) files.push({ host, path: '/root/replication-accounts.sql', owner: db.id, lines: accounts });
  const source = db.replicates === undefined ? undefined : lookup(topology).component(db.replicates);
  if (source?.kind === 'database') files.push({ host, path: '/root/replication-start.sql', owner: db.id, lines: changeSource(topology, db, source) });
  return files;
}
