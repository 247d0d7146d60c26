/**
 * Single-point-of-failure analysis, computed from the engine alone: fail each component and each
 * host on its own, replay the request classes right away (the detection gap) and once the system
 * has settled, and classify what users lost (DESIGN §6). Nothing here knows any design by name.
 */
import type { Topology } from '../model/types.js';
import { createSim, settle, step } from './engine.js';
import { knownChecks, withKnownChecks } from './clock.js';
import { react } from './failures.js';
import { replayEach, requestClasses, roundsToCoverAll } from './replay.js';
import { recordReplay, replayReusing } from './replay-reuse.js';
import { classify, failing, servingIds, type ClassName, type Results } from './spof-classify.js';
import { asksAbout, changedDown, sameButDown } from './state-diff.js';
import { topologyIndex } from './topology-index.js';
import type { Impact, SpofRow, Trace } from './types.js';
import { watch } from './watch.js';

const classNames = Object.keys(requestClasses) as ClassName[];

/** The three classes one after another, `rounds` requests each, as one sequence. */
const inTurn = (rounds: number) => (i: number) => requestClasses[classNames[Math.floor(i / rounds)] as ClassName];

/** The classes in rotation (so every server in turn gets one), for the detection gap. */
const inRotation = (i: number) => requestClasses[classNames[i % classNames.length] as ClassName];

function byClass(traces: readonly Trace[], rounds: number): Results {
  const out = {} as Results;
  classNames.forEach((name, k) => (out[name] = traces.slice(k * rounds, (k + 1) * rounds)));
  return out;
}

/**
 * The impact of each single failure, components (all but the client) then hosts, in file order,
 * one row at a time (a caller can stop between two). Deterministic for a topology and seed.
 * For each failure: requests right after it, the classes in rotation until the first one fails
 * (all the detection gap needs to tell `degraded` from `none`), then each class `rounds` times
 * once the system has settled. The replays reuse those of the system with nothing failed where
 * the failure provably changes nothing (see replay-reuse.ts): the rows are the same.
 */
export function* spofRows(topology: Topology, options: { seed?: number } = {}): Generator<SpofRow, void, undefined> {
  const base = createSim(topology, options);
  const rounds = roundsToCoverAll(base);
  const served = servingIds(base, byClass(replayEach(base, inTurn(rounds), 3 * rounds).traces, rounds));
  const reacted = react(base);
  const settling = watch(() => settle(reacted).state);
  const gapBase = recordReplay(reacted, inRotation, rounds, failing);
  const afterBase = recordReplay(settling.result, inTurn(rounds), 3 * rounds);
  const checks = knownChecks(reacted);
  const index = topologyIndex(topology);
  const row = (id: string): SpofRow => {
    const failed = step(base, { type: 'fail', id }).state;
    const gap = replayReusing(gapBase, failed, inRotation, rounds, failing).traces.find(failing) ?? null;
    // The clock asks about what is down too: blind to this failure, it settles as it did before.
    const blind = sameButDown(reacted, failed) && !asksAbout(settling.asked.down, changedDown(reacted, failed));
    const settled = blind ? { ...settling.result, failed: failed.failed, hung: failed.hung } : settle(failed).state;
    const after = byClass(replayReusing(afterBase, settled, inTurn(rounds), 3 * rounds).traces, rounds);
    return { id, kind: index.isHost(id) ? 'host' : 'component', ...classify(topology, id, after, gap, served) };
  };
  for (const id of index.failable) yield withKnownChecks(checks, () => row(id));
}

/** All the rows of `spofRows` at once. */
export function analyzeSpof(topology: Topology, options: { seed?: number } = {}): SpofRow[] {
  return [...spofRows(topology, options)];
}

/** The ids of each impact, in the rows' order: a SPOF is an `outage`, the others are kept apart. */
export function groupByImpact(rows: readonly SpofRow[]): Readonly<Record<Impact, readonly string[]>> {
  const groups: Record<Impact, string[]> = { outage: [], writes: [], partial: [], degraded: [], none: [] };
  for (const r of rows) groups[r.impact].push(r.id);
  return groups;
}

/** One line per impact that occurs, worst first: `outage (SPOFs): dns, lb-1`. */
export function impactSummary(rows: readonly SpofRow[]): string[] {
  const groups = groupByImpact(rows);
  const names: Readonly<Record<Exclude<Impact, 'none'>, string>> = {
    outage: 'outage (single points of failure)',
    writes: 'writes lost, reads work',
    partial: 'partial (some requests keep failing)',
    degraded: 'degraded (less capacity or a failover gap)',
  };
  return (Object.keys(names) as (keyof typeof names)[]).map((impact) => `${names[impact]}: ${groups[impact].length === 0 ? 'none' : groups[impact].join(', ')}`);
}
