import { describeOutcome, roundTally, type Trace, wrap, type TrafficState } from '../sim/index.js';
import type { StepBody } from '../scenario/index.js';
import { appReducer } from '../ui/state/app-reducer.js';
import type { AppState } from '../ui/state/app-state.js';
import type { ScenarioRun } from '../ui/state/scenario-play.js';
import { formatClock } from '../ui/view/format-clock.js';

/** Where the text of a step starts: after its time and its kind. */
const INDENT = 16;

const kindWords: Readonly<Record<StepBody['kind'], string>> = { do: '>', act: 'act', say: 'say', note: 'note', ask: 'ask', pause: 'pause' };

function stepText(body: StepBody): string {
  switch (body.kind) {
    case 'do':
      return body.line;
    case 'act':
      return JSON.stringify(body.action);
    case 'ask':
      return body.ask.question;
    default:
      return body.text;
  }
}

/** Lines under a step, indented to its text and wrapped to `width`. */
const under = (text: string, width: number) => wrap(text, Math.max(20, width - INDENT)).map((l) => `${' '.repeat(INDENT)}${l}`);

/** What the traffic did between two states: requests, outcomes, and what the system detected on its own. */
function trafficLines(before: TrafficState | undefined, after: TrafficState, width: number): string[] {
  const was = before ? roundTally(before.totals) : { sent: 0, ok: 0, failed: 0, byOutcome: {} as Record<string, number> };
  const now = roundTally(after.totals);
  const sent = now.sent - was.sent;
  const outcomes = Object.entries(now.byOutcome)
    .map(([k, n]) => [k, n - (was.byOutcome[k] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}: ${n}`);
  const seen = new Set(before?.detections.map((d) => `${d.at} ${d.text}`) ?? []);
  const detected = after.detections.filter((d) => !seen.has(`${d.at} ${d.text}`)).map((d) => `${formatClock(d.at)} ${d.text}`);
  const from = formatClock(before?.sim.now ?? after.sim.now);
  const failed = now.failed - was.failed;
  const tally =
    sent > 0
      ? [`traffic ${from} to ${formatClock(after.sim.now)}: ${sent} requests, ${now.ok - was.ok} ok, ${failed} failed (${outcomes.join(', ')})`]
      : failed > 0
        ? [`requests in flight that failed: ${failed} (${outcomes.join(', ')})`]
        : [];
  return [...tally, ...detected].flatMap((l) => under(l, width));
}

/** A request's outcome, and which of its hops crossed a network in plain text (what an observer there reads). */
function traceLines(trace: Trace, width: number): string[] {
  const outcome = `${trace.request}: ${describeOutcome(trace.outcome)} after ${trace.duration} ms, ${trace.hops.length} hops`;
  const sent = trace.hops.filter((h) => h.direction === 'request' && h.port !== null && h.protocol !== 'DNS');
  const plain = sent.filter((h) => !h.encrypted).map((h) => `${h.from}→${h.to}`);
  const tls = sent.length === 0 ? [] : [plain.length === 0 ? 'every hop it took was encrypted' : `in plain text: ${plain.join(', ')}${plain.length < sent.length ? ` (encrypted: ${sent.length - plain.length} of ${sent.length})` : ''}`];
  return [outcome, ...tls].flatMap((l) => under(l, width));
}

/** What the engine reported for one step: the footer's line, new events, a request's outcome, traffic. */
function effects(before: AppState, after: AppState, width: number): string[] {
  const lines: string[] = [];
  if (after.message && after.message !== before.message) lines.push(...under(after.message.text, width));
  const design = after.design;
  if (!design) return lines;
  const same = before.design?.topology.id === design.topology.id;
  if (design.traffic) return [...lines, ...trafficLines(same ? (before.design?.traffic?.state ?? undefined) : undefined, design.traffic.state, width)];
  const { entries, at } = design.timeline;
  const from = same && before.design && !before.design.traffic ? before.design.timeline.at + 1 : at + 1;
  for (const frame of entries.slice(Math.min(from, at + 1), at + 1)) {
    for (const e of frame.events) lines.push(...under(`${formatClock(e.at)} ${e.source}: ${e.text}`, width));
    if (frame.trace) lines.push(...traceLines(frame.trace, width));
  }
  return lines;
}

function askLines(body: Extract<StepBody, { kind: 'ask' }>, width: number): string[] {
  const { choices, answer, explain } = body.ask;
  return [...choices.flatMap((c, i) => under(`${i + 1}. ${c}${i === answer ? '   <- the answer' : ''}`, width)), ...under(`why: ${explain}`, width)];
}

/**
 * A scenario as text, step by step: each step's time, what it is, and what the app and the
 * engine answered when it was applied (the same reducer the app runs, so a handout says what
 * the screen shows). `state` holds the scenario, opened and not yet played.
 */
export function playReport(state: AppState, width: number): string {
  const run = state.scenario as ScenarioRun;
  const { scenario } = run;
  const design = state.design?.topology;
  const out = [scenario.title, ...(scenario.summary ? ['', ...wrap(scenario.summary, width)] : []), '', `design: ${design ? `${design.title} (${design.id})` : scenario.topology}, seed ${scenario.seed}`, ''];
  let s = state;
  for (const step of scenario.steps) {
    const next = appReducer(s, { type: 'scenario-step', to: 'next' });
    const head = `${formatClock(step.at).padStart(8)}  ${kindWords[step.body.kind].padEnd(5)} `;
    const [first = '', ...rest] = wrap(stepText(step.body), Math.max(20, width - INDENT));
    out.push(`${head}${first}`, ...rest.map((l) => `${' '.repeat(INDENT)}${l}`));
    if (step.body.kind === 'ask') out.push(...askLines(step.body, width));
    out.push(...effects(s, next, width));
    s = next;
  }
  return `${out.join('\n')}\n`;
}
