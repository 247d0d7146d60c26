/**
 * An application server (Gunicorn running the code): it builds the page, reading from the first
 * read target it can reach and writing to the primary it is pointed at. A database it cannot
 * use turns into a 500 with the MySQL error in its log. A hung database is worse: the MySQL
 * driver has no read time-out by default (PyMySQL's `read_timeout=None`), so the worker waits
 * with it; a hung app answers nothing at all. Either way Gunicorn's arbiter kills the silent
 * worker at `--timeout` (30 s) and the connection closes without an answer.
 */
import type { AppServer, Database, Ms } from '../model/types.js';
import { crossFirewalls } from './firewall-hops.js';
import { APP_500_BODY, MYSQL_READ_ONLY, gunicornWorkerTimeout, mysqlCantConnect } from './messages.js';
import { connect, failureTime, hopResult, isError, isHung } from './reality.js';
import { APP_WORK_MS, DB_QUERY_MS, GUNICORN_TIMEOUT, LAN_MS, MYSQL_CONNECT_TIMEOUT } from './timings.js';
import { topologyIndex } from './topology-index.js';
import { hop, isRead, log, type Exchange, type HttpRequest, type Reply } from './exchange.js';

type Query =
  | { readonly ok: true; readonly at: Ms }
  | { readonly ok: false; readonly at: Ms; readonly error: string }
  /** Sent to a hung database: no answer will ever come. */
  | { readonly ok: false; readonly at: Ms; readonly hung: string };

function database(ex: Exchange, id: string): Database | undefined {
  const c = topologyIndex(ex.state.topology).component(id);
  return c?.kind === 'database' ? c : undefined;
}

/** One query from the app to a database: connect, then run it. */
function query(ex: Exchange, app: AppServer, db: Database, at: Ms, write: boolean): Query {
  const index = topologyIndex(ex.state.topology);
  const ip = db.host === undefined ? db.id : index.hostIp(db.host);
  const conn = connect(ex.state, app.host ?? null, db, db.port);
  const sql = write ? 'INSERT INTO users ...' : 'SELECT ...';
  if (!conn.ok) {
    const errno = conn.result === 'refused' ? 111 : conn.result === 'unreachable' ? 113 : 110;
    const error = mysqlCantConnect(ip, db.port, errno);
    const done = failureTime(conn.result, at, MYSQL_CONNECT_TIMEOUT);
    const waited = isError(conn.result) ? '' : ` (the driver's connect_timeout of ${MYSQL_CONNECT_TIMEOUT / 1000} s expires)`;
    hop(ex, () => ({ at: done, from: app.id, to: conn.by, protocol: 'MySQL', port: db.port, note: `${sql} on ${db.id} fails: ${conn.why}${waited}`, direction: 'request', result: hopResult(conn.result) }));
    log(ex, done, app.id, 'error', () => error);
    return { ok: false, at: done, error };
  }
  const arrive = at + LAN_MS;
  crossFirewalls(ex, { from: app.id, fromHost: app.host ?? null, toHost: db.host, port: db.port, protocol: 'MySQL', encrypted: false, at: arrive });
  hop(ex, () => ({ at: arrive, from: app.id, to: db.id, protocol: 'MySQL', port: db.port, note: `${sql} (${write ? 'write' : 'read'})`, direction: 'request', result: 'ok' }));
  if (isHung(ex.state, db.id)) return { ok: false, at: arrive, hung: db.id };
  const dbState = ex.state.databases[db.id];
  if (write && dbState?.readOnly) {
    hop(ex, () => ({ at: arrive + LAN_MS, from: db.id, to: app.id, protocol: 'MySQL', port: db.port, note: `refused: ${db.id} is a read-only replica`, direction: 'response', result: 'failed' }));
    log(ex, arrive + LAN_MS, app.id, 'error', () => MYSQL_READ_ONLY);
    return { ok: false, at: arrive + LAN_MS, error: MYSQL_READ_ONLY };
  }
  hop(ex, () => ({ at: arrive + DB_QUERY_MS + LAN_MS, from: db.id, to: app.id, protocol: 'MySQL', port: db.port, note: answerNote(ex, db, write), direction: 'response', result: 'ok' }));
  return { ok: true, at: arrive + DB_QUERY_MS + LAN_MS };
}

/** What the database answers, and who copies a write (asynchronously: a read there may be stale). */
function answerNote(ex: Exchange, db: Database, write: boolean): string {
  if (!write) return 'rows';
  const replicas = Object.entries(ex.state.databases).filter(([, d]) => d.source === db.id).map(([id]) => id);
  return `committed on the primary${replicas.length > 0 ? `; ${replicas.join(', ')} will copy it asynchronously` : ''}`;
}

function fail(app: AppServer, at: Ms): Reply {
  return { at: at + 1, status: 500, reason: 'Internal Server Error', body: APP_500_BODY, origin: app.id, servedBy: null };
}

/** Reads: the first target that answers wins; each failure costs its time. */
function read(ex: Exchange, app: AppServer, at: Ms): Query {
  let t = at;
  let last: Query = { ok: true, at };
  for (const id of app.database?.reads ?? []) {
    const db = database(ex, id);
    if (!db) continue;
    last = query(ex, app, db, t, false);
    // A hung database accepted the connection: the app waits on it and never tries the next one.
    if (last.ok || 'hung' in last) return last;
    t = last.at;
  }
  return last;
}

function write(ex: Exchange, app: AppServer, at: Ms): Query {
  const id = ex.state.appWrites[app.id] ?? null;
  const db = id === null ? undefined : database(ex, id);
  return db ? query(ex, app, db, at, true) : { ok: true, at };
}

/**
 * The request held a sync worker for longer than `--timeout`: the arbiter kills the worker and
 * its connection closes without an answer, at `at` + the time-out.
 */
function killed(ex: Exchange, app: AppServer, at: Ms, why: string): Reply {
  const closedAt = at + GUNICORN_TIMEOUT;
  // A made-up but stable process id, different per app server.
  const pid = 4_201 + 10 * ex.state.topology.components.findIndex((c) => c.id === app.id);
  log(ex, closedAt, app.id, 'error', () => gunicornWorkerTimeout(pid));
  return { silent: true, at, closedAt, why: `${why}; Gunicorn kills the silent worker after --timeout ${GUNICORN_TIMEOUT / 1000} s` };
}

/**
 * Handles a request that has reached `app` at `at`. Guaranteed: a 200 only when every database
 * the request needed answered; a 500 when one failed, with the MySQL error logged by the app;
 * no answer when the app, or a database it waits on, hangs, or when the request would hold its
 * worker past Gunicorn's `--timeout`: then the connection closes at `at` + the time-out.
 */
export function handleApp(ex: Exchange, app: AppServer, req: HttpRequest, at: Ms): Reply {
  if (isHung(ex.state, app.id)) return killed(ex, app, at, `${app.id} accepted the connection but its worker never answers`);
  if (req.method === 'OPTIONS') {
    // The framework answers OPTIONS itself (Flask's automatic OPTIONS) without running the view,
    // so an `option httpchk` probe proves the app server is up, not that its database is.
    return { at: at + 1, status: 200, reason: 'OK', body: '', origin: app.id, servedBy: null };
  }
  const result = isRead(req) ? read(ex, app, at) : write(ex, app, at);
  if ('hung' in result) return killed(ex, app, at, `${app.id} waits on ${result.hung}, whose queries never return`);
  const done = result.ok ? result.at + APP_WORK_MS : result.at + 1;
  if (done - at > GUNICORN_TIMEOUT) return killed(ex, app, at, `${app.id} is still waiting on its databases`);
  if (!result.ok) return fail(app, result.at);
  const what = isRead(req) ? `the page for ${req.path}` : `the result of ${req.method} ${req.path}`;
  return { at: done, status: 200, reason: 'OK', body: `<!doctype html>\n<title>${ex.state.topology.domain}</title>\n<p>${what}, built by ${app.id}.</p>\n`, origin: app.id, servedBy: null };
}
