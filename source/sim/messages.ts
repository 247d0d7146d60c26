/**
 * What the real software sends and logs, word for word (sources in reference/realism.md):
 * HAProxy's built-in error pages (src/http.c), Nginx's special responses with `server_tokens on`,
 * MySQL client errors, and the browser's own error codes.
 */

/**
 * The name of the HAProxy backend that holds the web servers, as the exported haproxy.cfg
 * declares it (`backend web`): HAProxy names a server `<backend>/<server>` in its logs.
 */
export const HAPROXY_BACKEND = 'web';

/** The Nginx version shown at the bottom of its error pages. */
const NGINX_VERSION = 'nginx/1.31.5';

/** HAProxy's built-in page for a status it generates itself. */
export function haproxyPage(status: 502 | 503 | 504): string {
  const text = {
    502: ['502 Bad Gateway', 'The server returned an invalid or incomplete response.'],
    503: ['503 Service Unavailable', 'No server is available to handle this request.'],
    504: ['504 Gateway Time-out', "The server didn't respond in time."],
  }[status];
  return `<html><body><h1>${text[0]}</h1>\n${text[1]}\n</body></html>\n`;
}

/** Nginx's page for an error status it generates (`ngx_http_special_response.c`). */
export function nginxPage(status: number, reason: string): string {
  return [
    '<html>',
    `<head><title>${status} ${reason}</title></head>`,
    '<body>',
    `<center><h1>${status} ${reason}</h1></center>`,
    `<hr><center>${NGINX_VERSION}</center>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The generic page of a Python app server (Werkzeug's wording) for an unhandled error. */
export const APP_500_BODY = [
  '<!doctype html>',
  '<html lang=en>',
  '<title>500 Internal Server Error</title>',
  '<h1>Internal Server Error</h1>',
  '<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>',
  '',
].join('\n');

/** `ERROR 2003`: the MySQL client could not connect (111 refused, 113 no route to host, 110 timed out). */
export function mysqlCantConnect(ip: string, port: number, errno: 110 | 111 | 113): string {
  return `ERROR 2003 (HY000): Can't connect to MySQL server on '${ip}:${port}' (${errno})`;
}

/** `ERROR 1040`: one client more than `max_connections`. */
export const MYSQL_TOO_MANY = 'ERROR 1040 (HY000): Too many connections';

/** `ERROR 1290`: a write sent to a server running read-only. */
export const MYSQL_READ_ONLY =
  'ERROR 1290 (HY000): The MySQL server is running with the --super-read-only option so it cannot execute this statement';

export const NGINX_REFUSED_LOG = 'connect() failed (111: Connection refused) while connecting to upstream';
export const NGINX_UNREACHABLE_LOG = 'connect() failed (113: No route to host) while connecting to upstream';
export const NGINX_CONNECT_TIMEOUT_LOG = 'upstream timed out (110: Connection timed out) while connecting to upstream';
export const NGINX_NO_LIVE = 'no live upstreams while connecting to upstream';
export const NGINX_READ_TIMEOUT_LOG = 'upstream timed out (110: Connection timed out) while reading response header from upstream';
/** The upstream closed the connection before any response header (a killed Gunicorn worker): 502. */
export const NGINX_PREMATURE_CLOSE_LOG = 'upstream prematurely closed connection while reading response header from upstream';

/** Gunicorn's arbiter, killing a worker silent for longer than `--timeout` (arbiter.py `murder_workers`). */
export function gunicornWorkerTimeout(pid: number): string {
  return `[CRITICAL] WORKER TIMEOUT (pid:${pid})`;
}

export const BROWSER_TIMED_OUT = 'connection timed out (ERR_CONNECTION_TIMED_OUT)';
export const BROWSER_REFUSED = 'connection refused (ERR_CONNECTION_REFUSED)';
/** Chrome's message for a connection closed before any response (net::ERR_EMPTY_RESPONSE). */
export const BROWSER_EMPTY_RESPONSE = 'the server closed the connection without sending any data (ERR_EMPTY_RESPONSE)';
export const BROWSER_NO_RESPONSE = 'no response: the connection is open but nothing comes back (ERR_TIMED_OUT)';
export function browserNotResolved(name: string, nxdomain: boolean): string {
  return nxdomain
    ? `${name} does not exist (DNS_PROBE_FINISHED_NXDOMAIN)`
    : `could not resolve ${name}: no DNS server answered (ERR_NAME_NOT_RESOLVED)`;
}
