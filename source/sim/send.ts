/**
 * One request from the browser, end to end: DNS, the connection to the site's address, the
 * servers behind it, and the response back, as a Trace. The request reads the state as it is
 * when sent (the clock does not move while it travels); it may move the counters it touches.
 */
import type { Client, Ms } from '../model/types.js';
import { resolve } from './dns.js';
import { formatMs } from './format-text.js';
import { crossFirewalls } from './firewall-hops.js';
import { openConnection } from './open-connection.js';
import { hop, openExchange, serve, type Counters, type Exchange, type HttpRequest } from './exchange.js';
import { handlers } from './handlers.js';
import { BROWSER_EMPTY_RESPONSE, BROWSER_NO_RESPONSE, BROWSER_REFUSED, BROWSER_TIMED_OUT } from './messages.js';
import { formatRequest } from './request.js';
import { BROWSER_RESPONSE_TIMEOUT, INTERNET_MS } from './timings.js';
import { topologyIndex } from './topology-index.js';
import type { Outcome, Request, SimState, Trace } from './types.js';

const noOutcome: Outcome = { status: null, reason: null, body: null, error: null, servedBy: null, origin: null };

/** `ex` continued on the state the connection found (the same exchange when it did not wait). */
function onState(ex: Exchange, state: SimState): Exchange {
  return state === ex.state ? ex : { ...ex, state };
}

function probe(ex: Exchange, client: Client, ip: string, port: number): { outcome: Outcome; at: Ms } {
  const opened = openConnection(ex, { client: client.id, ip, port, protocol: 'TCP', encrypted: false, start: 0, what: `SYN to ${ip}:${port} from the internet` });
  if (!opened.ok) return { outcome: { ...noOutcome, error: opened.result === 'refused' ? BROWSER_REFUSED : BROWSER_TIMED_OUT }, at: opened.at };
  const c = opened.component;
  const again = opened.retransmitted ? ` (retransmitted ${formatMs(opened.at)} after the first)` : '';
  const at = opened.at + 2 * INTERNET_MS;
  const redirect = c.kind === 'load-balancer' && c.tls && port !== c.port ? `; on port ${port} it only redirects: any HTTP request gets 301 to https://www.${ex.state.topology.domain}/` : '';
  crossFirewalls(onState(ex, opened.state), { from: client.id, fromHost: null, toHost: c.host, port, protocol: 'TCP', encrypted: false, at: opened.at + INTERNET_MS });
  hop(ex, () => ({ at: opened.at + INTERNET_MS, from: client.id, to: c.id, protocol: 'TCP', port, note: `SYN to ${ip}:${port} from the internet${again}`, direction: 'request', result: 'ok' }));
  hop(ex, () => ({ at, from: c.id, to: client.id, protocol: 'TCP', port, note: `SYN-ACK: ${c.id}${c.software ? ` (${c.software})` : ''} accepts the connection${redirect}`, direction: 'response', result: 'ok' }));
  return { outcome: { ...noOutcome, servedBy: c.id }, at };
}

function http(ex: Exchange, client: Client, req: HttpRequest): { outcome: Outcome; at: Ms } {
  const name = `www.${ex.state.topology.domain}`;
  const resolved = resolve(ex, client, name, 0);
  if (!resolved.ok) return { outcome: { ...noOutcome, error: resolved.error }, at: resolved.at };
  const https = topologyIndex(ex.state.topology).https;
  const port = https ? 443 : 80;
  const protocol = https ? 'HTTPS' : 'HTTP';
  const opened = openConnection(ex, { client: client.id, ip: resolved.ip, port, protocol, encrypted: https, start: resolved.at, what: `connect to ${resolved.ip}:${port}` });
  if (!opened.ok) return { outcome: { ...noOutcome, error: opened.result === 'refused' ? BROWSER_REFUSED : BROWSER_TIMED_OUT }, at: opened.at };
  const entry = opened.component;
  const on = onState(ex, opened.state);
  // TCP handshake (one round trip), TLS 1.3 handshake (one more), then the request itself.
  const arrive = opened.at + (https ? 5 : 3) * INTERNET_MS;
  const again = opened.retransmitted ? ` (the SYN sent ${formatMs(opened.at - resolved.at)} after the first is answered by ${entry.id})` : '';
  const tls = https && entry.kind === 'load-balancer' && entry.tls ? `; TLS handshake with the certificate for ${entry.tls.certificate}, decrypted here` : '';
  const plain = https ? '' : ': plain text, readable by anyone on the path';
  crossFirewalls(on, { from: client.id, fromHost: null, toHost: entry.host, port, protocol, encrypted: https, at: arrive });
  hop(ex, () => ({ at: arrive, from: client.id, to: entry.id, protocol, port, encrypted: https, note: `${req.method} ${req.path} to ${resolved.ip}:${port}${again}${tls}${plain}`, direction: 'request', result: 'ok' }));
  const reply = serve(on, entry, req, arrive);
  if (!reply) return { outcome: { ...noOutcome, error: BROWSER_REFUSED }, at: arrive };
  if (reply.silent && reply.closedAt !== null && reply.closedAt < arrive + BROWSER_RESPONSE_TIMEOUT) {
    const at = reply.closedAt + INTERNET_MS;
    hop(ex, () => ({ at, from: entry.id, to: client.id, protocol: https ? 'HTTPS' : 'HTTP', port, encrypted: https, note: `connection closed without a response: ${reply.why}`, direction: 'response', result: 'failed' }));
    return { outcome: { ...noOutcome, error: BROWSER_EMPTY_RESPONSE }, at };
  }
  if (reply.silent) {
    const at = arrive + BROWSER_RESPONSE_TIMEOUT;
    hop(ex, () => ({ at, from: entry.id, to: client.id, protocol, port, encrypted: https, note: `nothing within the browser's ${BROWSER_RESPONSE_TIMEOUT / 1000} s: ${reply.why}`, direction: 'response', result: 'timeout' }));
    return { outcome: { ...noOutcome, error: BROWSER_NO_RESPONSE }, at };
  }
  const back = reply.at + INTERNET_MS;
  hop(ex, () => ({ at: back, from: entry.id, to: client.id, protocol, port, encrypted: https, note: `${reply.status} ${reply.reason}`, direction: 'response', result: reply.status < 500 ? 'ok' : 'failed' }));
  const outcome = { status: reply.status, reason: reply.reason, body: reply.body, error: null, servedBy: reply.servedBy ?? entry.id, origin: reply.origin };
  return { outcome, at: back };
}

/**
 * Sends `request` into `state`; returns the trace and the exchange (for its counters and log
 * lines). Without `detail` the trace has no hops (its outcome is complete). `carried`: the
 * counters of the requests sent before this one on the same state, moved on in place.
 */
export function send(state: SimState, request: Request, detail = true, carried?: Counters): { trace: Trace; exchange: Exchange } {
  const ex = openExchange(state, handlers, true, detail, carried);
  const client = topologyIndex(state.topology).client;
  const { outcome, at } = request.kind === 'tcp' ? probe(ex, client, request.ip, request.port) : http(ex, client, request);
  return { trace: { request: formatRequest(request), sentAt: state.now, hops: ex.hops, outcome, duration: at }, exchange: ex };
}
