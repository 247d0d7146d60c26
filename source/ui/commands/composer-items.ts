import { lookup } from '../../model/lookup.js';
import type { Topology } from '../../model/types.js';
import { formatRequest, presets } from '../../sim/index.js';

/** One entry of the request composer: a request to send, or "type your own" (`request` null). */
export interface ComposerItem {
  readonly request: string | null;
  readonly label: string;
}

/**
 * The requests offered for a design: the three classes every design is tested with, plus a
 * probe from the internet at the first database's port (the "is there a firewall?" question).
 */
export function requestPresets(topology: Topology | undefined): readonly string[] {
  const typed = presets.map(formatRequest);
  const db = topology ? lookup(topology).ofKind('database')[0] : undefined;
  const host = db?.host && topology ? lookup(topology).host(db.host) : undefined;
  return db && host ? [...typed, `TCP ${host.ip}:${db.port}`] : typed;
}

/** What a preset request exercises, in a few words. */
function describeRequest(topology: Topology, text: string): string {
  const [method = '', path = ''] = text.split(' ');
  if (method === 'TCP') return 'a probe from the internet: is this port reachable?';
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return 'a write: only the primary database takes it';
  const statics = lookup(topology).ofKind('web-server').flatMap((w) => w.static);
  if (statics.some((prefix) => path.startsWith(prefix))) return 'a static file: Nginx serves it from disk';
  return 'a page the app builds with a database read';
}

/** The composer's list for a design: its presets, then "type your own". */
export function composerItems(topology: Topology): readonly ComposerItem[] {
  return [
    ...requestPresets(topology).map((p) => ({ request: p, label: `${p.padEnd(22)} ${describeRequest(topology, p)}` })),
    { request: null, label: 'type your own: METHOD PATH or TCP ip:port' },
  ];
}
