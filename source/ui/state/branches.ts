import { describeOutcome, failuresOf, roundTally } from '../../sim/index.js';
import type { DesignState, Message } from './app-state.js';
import { liveSim } from './live-sim.js';
import { currentFrame, historySteps } from './timeline.js';
import { formatClock } from '../view/format-clock.js';

/** Another line of events of the same design, kept exactly as it was left (its traffic frozen). */
export interface Branch {
  readonly name: string;
  readonly design: DesignState;
}

/** What a branch action produces: the new design state and a line for the footer. */
interface BranchUpdate {
  readonly design?: DesignState;
  readonly message: Message;
}

const info = (text: string): Message => ({ text, level: 'info' });
const warn = (text: string): Message => ({ text, level: 'warn' });

/** A name not yet taken: `what-if`, `what-if-2`... */
function freshName(design: DesignState, base: string): string {
  const taken = new Set([design.branch, ...design.branches.map((b) => b.name)]);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(name)) return name;
  }
}

/** The design with the branch it was on put aside, as it stands, under its name. */
function putAside(design: DesignState): readonly Branch[] {
  return [...design.branches, { name: design.branch, design: { ...design, branches: [] } }];
}

/** The design as it stands kept as a branch of its own (`earlier`, `earlier-2`...), the one on screen going on under its name. */
export function keepHistory(design: DesignState): { readonly branches: readonly Branch[]; readonly name: string } {
  const name = freshName(design, 'earlier');
  return { branches: [...design.branches, { name, design: { ...design, branches: [], branch: name } }], name };
}

/**
 * `:branch [name]`: from here, a new line of events ("what if server-1 died here?"). The line
 * left is kept exactly as it stands (time, failures, traffic, its history) and `:switch` comes
 * back to it; the new one starts from the same state.
 */
export function branchHere(design: DesignState, name: string | undefined): BranchUpdate {
  const taken = name !== undefined && (name === design.branch || design.branches.some((b) => b.name === name));
  if (taken) return { message: warn(`a branch is already named ${name}: :switch ${name} goes to it`) };
  const branch = name ?? freshName(design, 'what-if');
  return { design: { ...design, branches: putAside(design), branch }, message: info(`branch ${branch} starts here; ${design.branch} is kept as it stands (:switch ${design.branch} goes back, :branches compares)`) };
}

/** `:switch [name]`: to another branch (the last one left, by default), exactly as it was left; this one is kept as it stands. */
export function switchBranch(design: DesignState, name: string | undefined): BranchUpdate {
  const target = name === undefined ? design.branches.at(-1) : design.branches.find((b) => b.name === name);
  if (!target) {
    const names = design.branches.map((b) => b.name);
    return { message: warn(names.length === 0 ? 'there is no other branch: :branch starts one here' : `no branch ${name ?? ''}: the branches are ${names.join(', ')}`) };
  }
  const others = putAside(design).filter((b) => b.name !== target.name);
  return { design: { ...target.design, branches: others, branch: target.name }, message: info(`on branch ${target.name}, as it was left (:switch ${design.branch} goes back)`) };
}

/**
 * One branch in a few facts, for comparing: its clock, what is down, its history, what its
 * traffic did and the last request's outcome, each read from the engine's state.
 */
export function branchFacts(design: DesignState): string {
  const sim = liveSim(design);
  const { down, hung } = failuresOf(sim);
  const broken = [...down, ...hung.map((id) => `${id} (hung)`)];
  const traffic = design.traffic ? roundTally(design.traffic.state.totals) : null;
  const trace = currentFrame(design.timeline).trace;
  return [
    `t=${formatClock(sim.now)}`,
    broken.length > 0 ? `down: ${broken.join(', ')}` : 'nothing down',
    `${historySteps(design.timeline)} steps`,
    ...(traffic ? [`traffic ${traffic.sent} sent, ${traffic.failed} failed`] : []),
    ...(trace ? [`${trace.request}: ${describeOutcome(trace.outcome)}`] : []),
  ].join(' · ');
}
