/**
 * Every time the simulation uses, with where it comes from. Values marked "config" are what a
 * typical configuration sets (they have no safe built-in default); the others are the real
 * software's defaults or round figures for network latency.
 */
import type { Ms } from '../model/types.js';

/** One way between the browser and the site over the internet. */
export const INTERNET_MS: Ms = 20;
/** One way between two machines on the data-centre network (and for loopback, a round figure). */
export const LAN_MS: Ms = 1;
/** The browser to its recursive resolver (its ISP's), one way. */
export const RESOLVER_MS: Ms = 2;
/** The recursive resolver to the site's authoritative name server, one way (a cold lookup: about 16 ms in all). */
export const DNS_MS: Ms = 6;
/**
 * The time the application spends building a page besides waiting on MySQL (config: it is the
 * application's own figure; tens of ms is typical of a server-rendered Flask or Django page).
 * With the query and the network a dynamic request holds a Gunicorn worker about 35 ms, so 3
 * sync workers serve about 3 ÷ 0.035 s ≈ 85 requests per second.
 */
export const APP_WORK_MS: Ms = 30;
/** One simple indexed MySQL query (config: a round figure for a small table in memory). */
export const DB_QUERY_MS: Ms = 2;
/** Nginx reading a static file from disk (page cache). */
export const DISK_MS: Ms = 1;

/**
 * How long the browser waits for an answer on an open connection before giving up: Firefox's
 * `network.http.response.timeout` default (300 s).
 */
export const BROWSER_RESPONSE_TIMEOUT: Ms = 300_000;
/**
 * How long the browser waits on a lookup whose name servers are all silent before it reports the
 * failure: the stub resolver's time-out (glibc `timeout:5`), within which the recursive resolver
 * gives up on a silent authoritative server and answers SERVFAIL.
 */
export const RESOLVER_TIMEOUT: Ms = 5_000;

/**
 * HAProxy `timeout connect` / `timeout server`: unset they are infinite, so every configuration
 * sets them; these are the values of the haproxy.cfg shipped by Debian and Ubuntu (config).
 */
export const HAPROXY_TIMEOUT_CONNECT: Ms = 5_000;
export const HAPROXY_TIMEOUT_SERVER: Ms = 50_000;
/**
 * HAProxy `timeout queue`: how long a request waits for a free slot of a server at its `maxconn`
 * before HAProxy answers 503 (flags sQ). Unset, it is `timeout connect` (configuration.txt).
 * @alias of HAPROXY_TIMEOUT_CONNECT on purpose: a second name for the same setting.
 */
export const HAPROXY_TIMEOUT_QUEUE: Ms = HAPROXY_TIMEOUT_CONNECT;
/** HAProxy waits min(timeout connect, 1 s) before retrying after a refused connection. */
export const HAPROXY_TURNAROUND: Ms = Math.min(HAPROXY_TIMEOUT_CONNECT, 1_000);

/**
 * How long a connect() to a machine on the same network that is off (or cut off) takes to fail
 * with "No route to host": Linux sends 3 ARP probes 1 s apart (`mcast_solicit`, `retrans_time_ms`).
 */
export const ARP_TIMEOUT: Ms = 3_000;

/** Nginx `proxy_connect_timeout` default. */
export const NGINX_CONNECT_TIMEOUT: Ms = 60_000;
/** Nginx `proxy_read_timeout` default: the longest wait between two reads of the upstream's response. */
export const NGINX_READ_TIMEOUT: Ms = 60_000;
/** Nginx's implicit `fail_timeout=10s` (with `max_fails=1`) for an upstream that failed. */
export const NGINX_FAIL_TIMEOUT: Ms = 10_000;

/**
 * The MySQL driver's connect time-out: PyMySQL's `connect_timeout=10` (pymysql/connections.py).
 * Once connected it sets no time-out (`read_timeout=None`), so a hung MySQL server is waited on
 * until something else gives up: Gunicorn's `--timeout`.
 */
export const MYSQL_CONNECT_TIMEOUT: Ms = 10_000;

/**
 * Gunicorn's `--timeout` default (30 s, gunicorn/config.py `Timeout`): the arbiter kills a sync
 * worker that has been silent for longer (`murder_workers`: logs `WORKER TIMEOUT (pid:N)`, sends
 * SIGABRT) and starts a new one. The request it held gets no answer: its connection just closes.
 */
export const GUNICORN_TIMEOUT: Ms = 30_000;

/**
 * MySQL's `max_connections` default (151): the next client gets `ERROR 1040 (HY000): Too many
 * connections`. Each Gunicorn sync worker holds at most one connection, so a few app servers of
 * 3 workers stay far below it.
 */
export const MYSQL_MAX_CONNECTIONS = 151;

/** keepalived `advert_int` default (1 s); a backup takes over after 3 adverts + skew. */
export const VRRP_ADVERT: Ms = 1_000;
/** The master's priority in the usual keepalived.conf; backups get 100, 99, ... */
export const VRRP_MASTER_PRIORITY = 101;

/** VRRPv2 skew time: (256 − priority) / 256 × advert_int; all a backup waits after a priority-0 advert. */
export function vrrpSkew(priority: number): Ms {
  return Math.round(((256 - priority) / 256) * VRRP_ADVERT);
}

/** VRRPv2 master-down interval: 3 × advert_int + skew. */
export function vrrpTakeover(priority: number): Ms {
  return 3 * VRRP_ADVERT + vrrpSkew(priority);
}

/**
 * How long an automatic database failover manager (Orchestrator, MHA...) takes to declare the
 * primary dead and promote a replica: it polls every 5 s (Orchestrator's `InstancePollSeconds`)
 * and needs two failed polls (config).
 */
export const DB_FAILOVER_DELAY: Ms = 10_000;

/** The latest time `settle` will advance to before giving up on convergence. */
export const SETTLE_LIMIT: Ms = 10 * 60_000;

/** The client's public address, from the documentation range (RFC 5737). */
export const CLIENT_IP = '203.0.113.7';
