/**
 * Requests as people type them: `GET /`, `POST /signup`, any `METHOD PATH`, or a probe
 * `TCP <ip>:<port>` from the internet.
 */
import type { Request } from './types.js';

/** The three request classes every design is exercised with: a dynamic read, a static file, a write. */
export const presets: readonly Request[] = [
  { kind: 'http', method: 'GET', path: '/' },
  { kind: 'http', method: 'GET', path: '/static/logo.png' },
  { kind: 'http', method: 'POST', path: '/signup' },
];

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const example = 'e.g. "GET /", "POST /signup" or "TCP 8.8.8.8:3306"';

function parseProbe(target: string): Request {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(target);
  const octets = m?.[1]?.split('.').map(Number) ?? [];
  const port = Number(m?.[2]);
  if (!m || octets.some((o) => o > 255) || port < 1 || port > 65535) {
    throw new Error(`bad probe "TCP ${target}": expected TCP <ip>:<port>, e.g. "TCP 8.8.8.11:3306"`);
  }
  return { kind: 'tcp', ip: m[1] as string, port };
}

/** Parses a request; throws an Error with a one-line message (and an example) for bad input. */
export function parseRequest(text: string): Request {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error(`bad request "${text}": expected METHOD PATH, ${example}`);
  const word = parts[0].toUpperCase();
  if (word === 'TCP') return parseProbe(parts[1]);
  if (!methods.includes(word)) throw new Error(`bad request "${text}": unknown method ${parts[0]} (${methods.join(', ')} or TCP), ${example}`);
  if (!parts[1].startsWith('/') || [...parts[1]].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    throw new Error(`bad request "${text}": the path must start with /, ${example}`);
  }
  return { kind: 'http', method: word, path: parts[1] };
}

/** The request as typed: `GET /`, `TCP 8.8.8.11:3306`. */
export function formatRequest(request: Request): string {
  return request.kind === 'tcp' ? `TCP ${request.ip}:${request.port}` : `${request.method} ${request.path}`;
}
