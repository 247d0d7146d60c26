/**
 * `infra-tui trace <topology> [--request R] [--fail id,id:hang] [--after D] [--count N] [--client OS] [--json] [--seed N]`:
 * fails the given components or hosts (or leaves an app server or database hung), lets the
 * system settle (or waits `--after`), sends the request and prints every hop: an aligned table by
 * default, the traces as JSON with `--json`.
 */
import { limits } from '../grammar/limits.js';
import { failureModes, type FailureSpec } from '../grammar/failure.js';
import { failureLooks } from '../model/failure-looks.js';
import type { Topology } from '../model/types.js';
import { createSim, formatTrace, settle, TRACE_SCHEMA_VERSION, type ClientOs, type SimEvent, type SimState, step, type Trace } from '../sim/index.js';
import { UsageError, type Command } from './context.js';
import { outputWidth, parseClientFlag, parseCount, parseDurationFlag, parseFailures, parseRequestFlag, topologyArg } from './shared-flags.js';

/** Applies the failures at time 0, then settles or advances `after` ms; returns the state and what happened. */
function prepare(topology: Topology, failures: readonly FailureSpec[], after: number | undefined, seed: number | undefined, client: ClientOs): { state: SimState; before: SimEvent[] } {
  let state = createSim(topology, { seed: seed ?? 1, client });
  const before: SimEvent[] = [];
  for (const { id, mode } of failures) {
    const r = step(state, { type: failureModes[mode].input, id });
    state = r.state;
    before.push(...r.events);
  }
  const r = after === undefined ? settle(state) : step(state, { type: 'advance', ms: after });
  before.push(...r.events);
  return { state: r.state, before };
}

/** Refuses a `--count` whose requests, each as long as the first, would exceed `limits.traceHops`. */
function checkWork(count: number, hops: number): void {
  if (count * hops <= limits.traceHops) return;
  throw new UsageError(`--count ${count}: ${count} requests of ${hops} hops each is more than the ${limits.traceHops.toLocaleString('en-US')} hops a trace may print: at most ${Math.floor(limits.traceHops / hops)} here`);
}

export const traceCommand: Command = async (context) => {
  const { flags, io } = context;
  const topology = await topologyArg(context, 'trace');
  const request = parseRequestFlag(flags.request);
  const failures = parseFailures(flags.fail, topology);
  const after = parseDurationFlag('after', flags.after, { min: 0, max: limits.runMs });
  const count = parseCount(flags.count);
  const client = parseClientFlag(flags.client);
  const prepared = prepare(topology, failures, after, flags.seed, client);
  let state = prepared.state;
  const before = prepared.before;
  const sent: { trace: Trace; logs: readonly SimEvent[] }[] = [];
  for (let i = 0; i < count; i++) {
    const r = step(state, { type: 'send', request });
    state = r.state;
    if (r.trace) sent.push({ trace: r.trace, logs: r.events });
    if (i === 0 && r.trace) checkWork(count, r.trace.hops.length);
  }
  if (flags.json) {
    const traces = sent.map((s) => ({ schemaVersion: TRACE_SCHEMA_VERSION, client, ...s.trace }));
    io.stdout(`${JSON.stringify(flags.count === undefined ? traces[0] : traces, null, 2)}\n`);
    return 0;
  }
  const format = { width: outputWidth(context), ascii: flags.ascii };
  const failed = failures.map((f) => failureLooks[failureModes[f.mode].state].listed(f.id));
  const reports = sent.map(({ trace, logs }, i) => {
    const report = { topology, trace, failed, after: after ?? null, client, before: i === 0 ? before : [], logs };
    return formatTrace(report, format);
  });
  io.stdout(reports.join('\n'));
  return 0;
};
