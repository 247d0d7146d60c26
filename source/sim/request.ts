/**
 * The requests of the engine's own use: the presets, and a request written back as people type
 * it (the parser is `grammar/request.ts`).
 */
import type { Request } from './types.js';

/** The three request classes every design is exercised with: a dynamic read, a static file, a write. */
export const presets: readonly Request[] = [
  { kind: 'http', method: 'GET', path: '/' },
  { kind: 'http', method: 'GET', path: '/static/logo.png' },
  { kind: 'http', method: 'POST', path: '/signup' },
];

/** The request as typed: `GET /`, `TCP 8.8.8.11:3306`. */
export function formatRequest(request: Request): string {
  return request.kind === 'tcp' ? `TCP ${request.ip}:${request.port}` : `${request.method} ${request.path}`;
}
