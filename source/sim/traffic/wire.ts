/**
 * "On the wire": what someone capturing packets on one hop would read. A plaintext HTTP hop shows
 * the request line, the headers and a form body (a password included); a MySQL hop shows the
 * query; an encrypted hop shows only TLS records, plus the site name in the ClientHello's SNI.
 */
import { step } from '../engine.js';
import { CLIENT_IP } from '../timings.js';
import { topologyIndex } from '../topology-index.js';
import type { Hop, Request, SimState } from '../types.js';
import { USER_AGENT } from './log-format.js';

export interface WireView {
  /** The hop observed, or null when the request never crosses that link. */
  readonly hop: Hop | null;
  readonly lines: readonly string[];
  /** One sentence on what the observer learns. */
  readonly note: string;
}

/** TLS 1.3 adds a 5-byte record header, the inner content type and a 16-byte tag to each record. */
const TLS_OVERHEAD = 22;
const FORM = 'email=ada%40example.com&password=correct-horse-battery-staple';

function httpRequest(sim: SimState, hop: Hop, request: Request & { kind: 'http' }): string[] {
  const look = topologyIndex(sim.topology);
  const from = look.component(hop.from);
  const to = look.component(hop.to);
  const post = request.method === 'POST';
  const https = sim.topology.components.some((c) => c.kind === 'load-balancer' && c.tls !== undefined);
  const viaNginx = from?.kind === 'web-server';
  const host = viaNginx && to?.host !== undefined ? `${look.hostIp(to.host)}:${hop.port ?? 80}` : `www.${sim.topology.domain}`;
  const lines = [`${request.method} ${request.path} HTTP/${viaNginx ? '1.0' : '1.1'}`, `Host: ${host}`];
  if (from?.kind === 'load-balancer' || viaNginx) lines.push(`X-Forwarded-For: ${CLIENT_IP}`);
  if (from?.kind === 'load-balancer' && https) lines.push('X-Forwarded-Proto: https');
  if (viaNginx) lines.push('Connection: close');
  lines.push(`User-Agent: ${USER_AGENT}`, 'Cookie: session=9f2c4e7a1b8d', ...(post ? ['Content-Type: application/x-www-form-urlencoded', `Content-Length: ${FORM.length}`] : []), '');
  if (post) lines.push(FORM);
  return lines;
}

function httpResponse(hop: Hop): string[] {
  return [`HTTP/1.1 ${hop.note}`, 'Content-Type: text/html; charset=utf-8', 'Set-Cookie: session=9f2c4e7a1b8d; Path=/', '', '<!doctype html> ...'];
}

function mysql(hop: Hop, request: Request): string[] {
  if (hop.direction === 'response') return [`MySQL response: ${hop.note}`];
  const write = request.kind === 'http' && !['GET', 'HEAD'].includes(request.method);
  const query = write
    ? "INSERT INTO users (email, password_hash) VALUES ('ada@example.com', '$2b$12$Qm9vYmFyU2FsdFNhbHRTYWx0ZWRIYXNo')"
    : 'SELECT id, email, name FROM users WHERE id = 42';
  return ['MySQL COM_QUERY (user app, database foobar):', query];
}

function tls(sim: SimState, hop: Hop, plain: readonly string[]): string[] {
  const bytes = plain.join('\r\n').length + TLS_OVERHEAD;
  if (hop.direction === 'response') return [`TLS 1.3 Application Data, ${bytes} bytes`];
  return [
    `TLS 1.3 Handshake: ClientHello, SNI: www.${sim.topology.domain} (the name is sent in clear)`,
    'TLS 1.3 Handshake: ServerHello, then everything encrypted',
    `TLS 1.3 Application Data, ${bytes} bytes`,
  ];
}

function find(hops: readonly Hop[], from: string, to: string): Hop | null {
  return hops.find((h) => h.from === from && h.to === to) ?? hops.find((h) => h.from === to && h.to === from) ?? null;
}

/**
 * What an observer on the link between `from` and `to` reads when `request` is sent from `sim`
 * (the first message on that link, either way). Pure: `sim` is only read.
 */
export function wire(sim: SimState, from: string, to: string, request: Request): WireView {
  const trace = step(sim, { type: 'send', request }).trace;
  const hop = trace ? find(trace.hops, from, to) : null;
  if (!hop) return { hop: null, lines: [], note: `${trace?.request ?? 'the request'} never crosses between ${from} and ${to}.` };
  if (request.kind === 'tcp') {
    const lines = [`TCP SYN ${CLIENT_IP}:40312 -> ${request.ip}:${request.port}`, `(${hop.note})`];
    return { hop, lines, note: 'A bare connection attempt: only addresses and ports.' };
  }
  if (hop.protocol === 'DNS') return { hop, lines: [`DNS (UDP 53, plaintext): ${hop.note}`], note: 'DNS is not encrypted: anyone on the path sees which site is looked up.' };
  if (hop.protocol === 'MySQL') return { hop, lines: mysql(hop, request), note: 'Plaintext MySQL: the query and the data it returns are readable.' };
  const plain = hop.direction === 'request' ? httpRequest(sim, hop, request) : httpResponse(hop);
  if (hop.encrypted) return { hop, lines: tls(sim, hop, plain), note: 'Encrypted: an observer sees the site name and sizes, nothing of the request, cookies or form.' };
  const secret = request.method === 'POST' && hop.direction === 'request' ? ' The password in the form is readable by anyone on this hop.' : '';
  return { hop, lines: plain, note: `Plaintext HTTP: the request line, headers and cookie are readable.${secret}` };
}
