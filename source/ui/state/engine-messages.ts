import { canFail } from '../../model/kinds.js';
import { lookup } from '../../model/lookup.js';
import { isDown, isHung, topologyIndex, type SimInput, type SimState } from '../../sim/index.js';
import { formatDuration } from '../../grammar/duration.js';

/** Whether `id` can hang (the kind table's rule): a program that accepts connections and stops answering. */
function canHang(sim: SimState, id: string): boolean {
  return canFail(lookup(sim.topology).component(id)?.kind, 'hung');
}

/**
 * Why an engine input makes no sense in `sim`, in one line for the footer, or undefined when it
 * can be applied. Checked before the engine is asked, so a refused input leaves no frame behind.
 */
export function refuse(sim: SimState, input: SimInput): string | undefined {
  switch (input.type) {
    case 'fail':
      if (!topologyIndex(sim.topology).failable.includes(input.id)) return `${input.id} cannot be taken down: only components and hosts can fail`;
      return sim.failed.includes(input.id) ? `${input.id} is already down (Enter or :heal ${input.id} brings it back)` : undefined;
    case 'heal':
      return sim.failed.includes(input.id) || sim.hung.includes(input.id) ? undefined : `${input.id} is neither down nor hung`;
    case 'heal-all':
      return sim.failed.length === 0 && sim.hung.length === 0 ? 'nothing is down or hung' : undefined;
    case 'hang':
      return refuseHang(sim, input.id);
    case 'maintenance':
      return refuseMaintenance(sim, input.lb, input.server, input.on);
    case 'promote': {
      const db = sim.databases[input.id];
      if (!db) return `${input.id} is not a database: select a replica to promote`;
      return db.readOnly ? undefined : `${input.id} already accepts writes`;
    }
    default:
      return undefined;
  }
}

function refuseHang(sim: SimState, id: string): string | undefined {
  if (!canHang(sim, id)) return `${id} cannot hang: only app servers and databases can`;
  if (isDown(sim, id)) return `${id} is down, so it cannot hang (Enter brings it back first)`;
  return isHung(sim, id) ? `${id} already hangs (H or :heal ${id} restarts it)` : undefined;
}

function refuseMaintenance(sim: SimState, lbId: string, server: string, on: boolean): string | undefined {
  const lb = lookup(sim.topology).component(lbId);
  if (lb?.kind !== 'load-balancer') return `${lbId} is not a load balancer`;
  if (!lb.backends.includes(server)) return `${server} is not a server of ${lbId} (its servers: ${lb.backends.join(', ')})`;
  if (isDown(sim, lbId)) return `${lbId} is down: its runtime API does not answer`;
  const maint = sim.lbs[lbId]?.health[server]?.maint ?? false;
  if (maint === on) return on ? `${server} is already in maintenance on ${lbId}` : `${server} is not in maintenance on ${lbId}`;
  return undefined;
}

/** What an applied input did, for the footer (`before` is the state it was applied to). */
export function describeInput(before: SimState, input: SimInput): string {
  switch (input.type) {
    case 'fail':
      return `${input.id} is down: + lets time pass so health checks can notice`;
    case 'heal':
      return before.failed.includes(input.id)
        ? `${input.id} is back up: checks must pass again before traffic returns`
        : `${input.id} restarted: it answers again`;
    case 'heal-all':
      return 'everything is back up and answering';
    case 'advance':
      return `${formatDuration(input.ms)} passed`;
    case 'promote':
      return `${input.id} promoted: it now accepts writes`;
    case 'send':
      return 'request sent: Space steps through it';
    case 'maintenance':
      return input.on
        ? `${input.server} in maintenance on ${input.lb}: it gets no requests and is not checked`
        : `${input.server} ready on ${input.lb}: UP at once, and checked right away (one failed check takes it out)`;
    case 'hang':
      return `${input.id} hangs: it accepts connections but never answers, so callers wait for their time-out`;
  }
}

/** The same under live traffic, where time passes on its own. */
export function describeLiveInput(before: SimState, input: SimInput): string {
  switch (input.type) {
    case 'fail':
      return `${input.id} is down: watch the errors until the load balancer notices, then the reroute`;
    case 'hang':
      return `${input.id} hangs: requests that reach it wait for a time-out, then fail with 504`;
    case 'send':
      return 'request sent through the live traffic: its outcome is in the traffic panel, w shows it on the wire';
    default:
      return describeInput(before, input);
  }
}
