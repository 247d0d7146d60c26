import type { Request } from '../sim/index.js';
import { InputError } from './input-error.js';

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const example = 'e.g. "GET /", "POST /signup" or "TCP 8.8.8.8:3306"';

function parseProbe(target: string): Request {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(target);
  const octets = m?.[1]?.split('.').map(Number) ?? [];
  const port = Number(m?.[2]);
  if (!m || octets.some((o) => o > 255) || port < 1 || port > 65535) {
    throw new InputError(`bad probe "TCP ${target}": expected TCP <ip>:<port>, e.g. "TCP 8.8.8.11:3306"`);
  }
  return { kind: 'tcp', ip: m[1] as string, port };
}

/**
 * A request as people type it: `GET /`, `post /signup`, any `METHOD PATH`, or a probe
 * `TCP <ip>:<port>` from the internet. Throws an InputError (one line, with an example) otherwise.
 */
export function parseRequest(text: string): Request {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InputError(`bad request "${text}": expected METHOD PATH, ${example}`);
  const word = parts[0].toUpperCase();
  if (word === 'TCP') return parseProbe(parts[1]);
  if (!methods.includes(word)) throw new InputError(`bad request "${text}": unknown method ${parts[0]} (${methods.join(', ')} or TCP), ${example}`);
  if (!parts[1].startsWith('/') || [...parts[1]].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    throw new InputError(`bad request "${text}": the path must start with /, ${example}`);
  }
  return { kind: 'http', method: word, path: parts[1] };
}
