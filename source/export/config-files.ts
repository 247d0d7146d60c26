/**
 * The complete configuration of a topology, file by file and host by host: what an
 * administrator would install so the real software behaves as the simulation says. One
 * generator serves `infra-tui config`, its `--check`, the differential tests and the app's
 * inspector, so they can never disagree.
 */
import { lookup } from '../model/lookup.js';
import type { Component, Topology } from '../model/types.js';
import { agentFiles } from './config-agent.js';
import { appFiles } from './config-app.js';
import { firewallFiles } from './config-firewall.js';
import { haproxyFiles } from './config-haproxy.js';
import { keepalivedFiles } from './config-keepalived.js';
import { mysqlFiles } from './config-mysql.js';
import { nginxFiles } from './config-nginx.js';
import { zoneFiles } from './config-zone.js';
import { defaultPlacement, type ConfigFile, type Placement } from './config-types.js';

export type { ConfigFile, Placement } from './config-types.js';

/** The files each kind of component brings, in the order a host lists them. */
const byKind: { readonly [K in Component['kind']]?: (t: Topology, c: Extract<Component, { kind: K }>, p: Placement) => readonly ConfigFile[] } = {
  dns: (t, c) => zoneFiles(t, c),
  firewall: (t, c) => firewallFiles(t, c),
  'load-balancer': (t, c, p) => [...haproxyFiles(t, c, p), ...keepalivedFiles(t, c)],
  'web-server': (t, c, p) => nginxFiles(t, c, p),
  'app-server': (t, c, p) => appFiles(t, c, p),
  database: (t, c) => mysqlFiles(t, c),
  'monitoring-agent': (t, c) => agentFiles(t, c),
};

function filesOf(topology: Topology, c: Component, placement: Placement): readonly ConfigFile[] {
  const make = byKind[c.kind] as ((t: Topology, c: Component, p: Placement) => readonly ConfigFile[]) | undefined;
  return make ? make(topology, c, placement) : [];
}

/**
 * Every configuration file of the topology, in file order of the components that own them.
 * Guaranteed deterministic and derived only from the topology (and the placement, which the
 * differential tests use to move every listener onto loopback ports).
 */
export function configFiles(topology: Topology, placement: Placement = defaultPlacement(topology)): readonly ConfigFile[] {
  return topology.components.flatMap((c) => filesOf(topology, c, placement));
}

/**
 * The files for one id: a component's own files, or everything a host carries. Empty for ids
 * that configure nothing (the browser, code) and for unknown ids.
 */
export function configFilesOf(topology: Topology, id: string): readonly ConfigFile[] {
  const look = lookup(topology);
  if (look.host(id)) return configFiles(topology).filter((f) => f.host === id);
  // A component's files are the ones it owns, and only it makes those: no need to make everyone's.
  const component = look.component(id);
  return component ? filesOf(topology, component, defaultPlacement(topology)) : [];
}

/**
 * The hosts whose files `infra-tui config <topology> <id>` writes: the host itself, or the
 * host(s) a component's files live on; undefined for an unknown id.
 */
export function configHostsOf(topology: Topology, id: string): readonly string[] | undefined {
  const look = lookup(topology);
  if (look.host(id)) return [id];
  if (!look.component(id)) return undefined;
  return [...new Set(configFilesOf(topology, id).map((f) => f.host))];
}
