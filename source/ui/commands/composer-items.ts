import { lookup } from '../../model/lookup.js';
import type { Topology } from '../../model/types.js';
import { requestPresets } from './line-context.js';

/** One entry of the request composer: a request to send, or "type your own" (`request` null). */
export interface ComposerItem {
  readonly request: string | null;
  readonly label: string;
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
