import { failureLooks, failureStates } from '../../model/failure-looks.js';
import { isFailureInput, stateAfter } from '../../grammar/failure.js';
import { canFail, kindsThatCan } from '../../model/kinds.js';
import { lookup } from '../../model/lookup.js';
import { isDown, isHung, topologyIndex, watcherOf, type SimInput, type SimState } from '../../sim/index.js';
import { formatDuration } from '../../grammar/duration.js';

/** The states' words, to say that a part is in none of them. */
const words = failureStates.map(([, look]) => look.word);

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
      return sim.failed.includes(input.id) ? failureLooks.down.already(input.id) : undefined;
    case 'heal':
      return sim.failed.includes(input.id) || sim.hung.includes(input.id) ? undefined : `${input.id} is neither ${words.join(' nor ')}`;
    case 'heal-all':
      return sim.failed.length === 0 && sim.hung.length === 0 ? `nothing is ${words.join(' or ')}` : undefined;
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
  if (!canHang(sim, id)) return `${id} cannot hang: only ${kindsThatCan('hung')} can`;
  if (isDown(sim, id)) return `${id} is down, so it cannot hang (Enter brings it back first)`;
  return isHung(sim, id) ? failureLooks.hung.already(id) : undefined;
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
  if (isFailureInput(input)) return failureLooks[stateAfter[input.type]].applied(input.id, watcherOf(before, input.id));
  switch (input.type) {
    case 'heal':
      return failureLooks[before.failed.includes(input.id) ? 'down' : 'hung'].healed(input.id, watcherOf(before, input.id));
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
  }
}

/** The same under live traffic, where time passes on its own. */
export function describeLiveInput(before: SimState, input: SimInput): string {
  if (isFailureInput(input)) return failureLooks[stateAfter[input.type]].appliedLive(input.id, watcherOf(before, input.id));
  switch (input.type) {
    case 'send':
      return 'request sent through the live traffic: its outcome is in the traffic panel, w shows it on the wire';
    default:
      return describeInput(before, input);
  }
}
