import { lookup } from '../model/lookup.js';
import type { Ms, Topology } from '../model/types.js';

/** One file as it is installed: `DIR/<host>/<path>` on disk. */
export interface ConfigFile {
  /** The host it is installed on (a hostless component, such as a DNS provider, uses its id). */
  readonly host: string;
  /** The absolute path on that host, e.g. `/etc/haproxy/haproxy.cfg`. */
  readonly path: string;
  /** The component whose file it is. */
  readonly owner: string;
  readonly lines: readonly string[];
}

/** Where a program listens and where others reach it. */
interface Endpoint {
  /** The address a listener binds: null for every address of the host. */
  readonly ip: string | null;
  readonly port: number;
  /** `ip:port` another machine connects to. */
  readonly reach: string;
}

/**
 * How the topology's (host, port) pairs become addresses. The default is the topology's own
 * addresses; the differential tests map them onto free loopback ports.
 */
export type Placement = (host: string, port: number) => Endpoint;

export function defaultPlacement(topology: Topology): Placement {
  return (host, port) => ({ ip: null, port, reach: `${lookup(topology).host(host)?.ip ?? host}:${port}` });
}

/** A duration as HAProxy and Nginx write it: `2s`, or `250ms` when not whole seconds. */
export function duration(ms: Ms): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Where a site's files live on its servers. */
export function siteRoot(topology: Topology): string {
  return `/var/www/${topology.domain}`;
}
