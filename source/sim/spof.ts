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
import { sendMemo } from './send-memo.js';
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

/** The work every failure's row starts from, done once per topology and seed. */
function prepare(topology: Topology, seed: number) {
  const base = createSim(topology, { seed });
  const rounds = roundsToCoverAll(base);
  const reacted = react(base);
  const settling = watch(() => settle(reacted).state);
  // Every row's replays ask much the same of the same servers: their requests share one memo.
  const memo = sendMemo();
  return {
    base,
    rounds,
    reacted,
    settling,
    served: servingIds(base, byClass(replayEach(base, inTurn(rounds), 3 * rounds).traces, rounds)),
    gap: recordReplay(reacted, inRotation, rounds, { stop: failing, memo }),
    after: recordReplay(settling.result, inTurn(rounds), 3 * rounds, { memo }),
    memo,
    checks: knownChecks(reacted),
  };
}

type Prepared = ReturnType<typeof prepare>;
const prepared = new WeakMap<Topology, Map<number, Prepared>>();

function preparedFor(topology: Topology, seed: number): Prepared {
  let bySeed = prepared.get(topology);
  if (!bySeed) prepared.set(topology, (bySeed = new Map()));
  let p = bySeed.get(seed);
  if (!p) bySeed.set(seed, (p = prepare(topology, seed)));
  return p;
}

/**
 * The work every row of `topology` and `seed` starts from (the system with nothing failed, its
 * replays and their memo), done once: plain data that can be copied to another thread along
 * with the topology (see `adoptSpofWork`).
 */
export type SpofWork = Prepared;

export const spofWork = preparedFor;

/**
 * Takes `work`, a copy of `spofWork(t, seed)` received in one message with `topology` (a copy of
 * `t`), as the work `topology`'s rows start from here: the rows are then exactly those of `t`.
 */
export function adoptSpofWork(topology: Topology, seed: number, work: SpofWork): void {
  if (work.base.topology !== topology) throw new Error('the shared SPOF work must come with its own topology');
  let bySeed = prepared.get(topology);
  if (!bySeed) prepared.set(topology, (bySeed = new Map()));
  bySeed.set(seed, work);
}

/**
 * One failure's row: requests right after it, the classes in rotation until the first one fails
 * (all the detection gap needs to tell `degraded` from `none`), then each class `rounds` times
 * once the system has settled. The replays and checks reuse those of the system with nothing
 * failed wherever the failure provably changes nothing they asked (replay-reuse.ts, clock.ts).
 */
function rowOf(topology: Topology, p: Prepared, id: string): SpofRow {
  const failed = step(p.base, { type: 'fail', id }).state;
  const gap = replayReusing(p.gap, failed, inRotation, p.rounds, { stop: failing, memo: p.memo }).find(failing) ?? null;
  // The clock asks about what is down too: blind to this failure, it settles as it did before.
  const blind = sameButDown(p.reacted, failed) && !asksAbout(p.settling.asked.down, changedDown(p.reacted, failed));
  const settled = blind ? { ...p.settling.result, failed: failed.failed, hung: failed.hung } : settle(failed).state;
  const after = byClass(replayReusing(p.after, settled, inTurn(p.rounds), 3 * p.rounds, { memo: p.memo }), p.rounds);
  return { id, kind: topologyIndex(topology).isHost(id) ? 'host' : 'component', ...classify(topology, id, after, gap, p.served) };
}

/**
 * Components × failures analysed in one slice of work: a row's replays grow with the topology,
 * so a slice of a big one holds fewer rows (about a tenth of a second's work at 1,000 components).
 */
const SLICE_BUDGET = 4000;

/** How many rows make one slice of work for `topology` (see `spofRowsFrom`). */
export function spofSliceRows(topology: Topology): number {
  return Math.max(1, Math.floor(SLICE_BUDGET / Math.max(1, topology.components.length)));
}

/** How many rows the analysis has: one per component that can fail (not the client) and per host. */
export function spofCaseCount(topology: Topology): number {
  return topologyIndex(topology).failable.length;
}

/**
 * Rows `start` to `start + count - 1` of the analysis (fewer at its end), so that long work can
 * be done a slice at a time: the slices put together are exactly `analyzeSpof`. Deterministic
 * for a topology and seed; the work shared by all rows is kept with the topology object.
 */
export function spofRowsFrom(topology: Topology, seed: number, start: number, count: number): SpofRow[] {
  const total = spofCaseCount(topology);
  return spofRowsAt(topology, seed, Array.from({ length: Math.max(0, Math.min(count, total - start)) }, (_, k) => start + k));
}

/** The rows of the failures at `indices` (as `spofRowsFrom` numbers them), in that order. */
export function spofRowsAt(topology: Topology, seed: number, indices: readonly number[]): SpofRow[] {
  const p = preparedFor(topology, seed);
  const { failable } = topologyIndex(topology);
  return withKnownChecks(p.checks, () => indices.map((i) => rowOf(topology, p, failable[i] as string)));
}

/**
 * The failures' indices with each host's next to each other: the host, what runs on it and the
 * firewalls in front of it, in file order otherwise. Their rows ask much the same questions, so
 * one thread that takes them together finds more of their requests' paths already known.
 */
export function spofOrder(topology: Topology): number[] {
  const index = topologyIndex(topology);
  const families = new Map<string, number[]>();
  index.failable.forEach((id, i) => {
    const c = index.component(id);
    const family = c?.host ?? (c?.kind === 'firewall' ? c.protects : id);
    const members = families.get(family);
    if (members) members.push(i);
    else families.set(family, [i]);
  });
  return [...families.values()].flat();
}

/** The impact of each single failure, components (all but the client) then hosts, in file order. Deterministic for a topology and seed. */
export function analyzeSpof(topology: Topology, options: { seed?: number } = {}): SpofRow[] {
  return spofRowsFrom(topology, options.seed ?? 1, 0, spofCaseCount(topology));
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
