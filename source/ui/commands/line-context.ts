import { builtinIds } from '../../model/builtin-ids.js';
import { canFail } from '../../model/kinds.js';
import { lookup } from '../../model/lookup.js';
import type { Topology } from '../../model/types.js';
import { formatRequest, presets } from '../../sim/index.js';
import type { AppState } from '../state/app-state.js';
import { selectableIds } from '../state/selection.js';
import type { CommandLineContext } from './parse-command-line.js';

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

/** What the command line checks ids against and completes from, for the state as it is. */
export function lineContext(state: AppState): CommandLineContext {
  const topology = state.design?.topology;
  return {
    ids: topology ? selectableIds(topology) : [],
    databases: topology ? lookup(topology).ofKind('database').map((d) => d.id) : [],
    hangable: topology ? topology.components.filter((c) => canFail(c.kind, 'hung')).map((c) => c.id) : [],
    backends: topology ? Object.fromEntries(lookup(topology).ofKind('load-balancer').map((lb) => [lb.id, lb.backends])) : {},
    designs: [...builtinIds.map((_, n) => String(n)), ...builtinIds],
    presets: requestPresets(topology),
  };
}
