import { lookup } from '../model/lookup.js';
import type { Topology } from '../model/types.js';
import { configFilesOf } from './config-files.js';

/** One configuration file as the inspector shows it. */
export interface ConfigSnippet {
  /** Where it lives, e.g. `/etc/haproxy/haproxy.cfg`, or a remark such as `no firewall on server-1`. */
  readonly file: string;
  readonly lines: readonly string[];
}

/**
 * The configuration the inspector shows for a component or host: exactly the files `infra-tui
 * config` writes for it (one generator), and for a host without a firewall, which of its ports
 * the internet reaches. Empty for ids with no configuration of their own (the browser, code).
 */
export function configSnippets(topology: Topology, id: string): readonly ConfigSnippet[] {
  const files = configFilesOf(topology, id).map((f) => ({ file: f.path, lines: f.lines }));
  const look = lookup(topology);
  if (!look.host(id) || look.ofKind('firewall').some((f) => f.protects === id)) return files;
  const open = look
    .onHost(id)
    .filter((c) => 'port' in c)
    .map((c) => `#   ${String((c as { port: number }).port).padEnd(5)} ${c.id}`);
  return [{ file: `no firewall on ${id}`, lines: ['# every listening port is reachable from the internet:', ...open] }, ...files];
}
