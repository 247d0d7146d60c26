/**
 * Requests sent through a memo of the paths they took. Without hops or log lines, a request's
 * trace and the counters it moves depend only on the parts of the state it never changes (the
 * topology, the client, what hangs, VIPs, databases, writes), on the answers to the questions it
 * asks on its way (is this id down, does this LB believe that server UP, what does this counter
 * hold: see watch.ts), and on the clock only through those counters (cache expiry, Nginx's
 * failure marks), so counters are compared as times from now. The memo keeps, per request, a
 * tree of those questions and answers leading to the trace and moves they gave: a request whose
 * answers follow a known path goes exactly as it went then, another is sent and its path added.
 * Used by the SPOF analysis, where thousands of replays ask the same questions.
 */
import { counterValue, setCounter, type Counters } from './exchange.js';
import { vipsMayMove } from './lookahead.js';
import { downSet } from './reality.js';
import { formatRequest } from './request.js';
import { send } from './send.js';
import { sameData } from './state-diff.js';
import type { DnsCacheEntry, Ms, Request, SimState, Trace } from './types.js';
import { listen, watch, type Asked, type CounterTable } from './watch.js';

const DOWN = 0;
const BELIEF = 1;
const COUNTER = 2;

/** Whether `id` is down; whether LB `id` believes `server` UP; what counter `table`/`id` holds. Made once per memo (see `Questions`): the same question is the same object. */
interface Question {
  readonly kind: typeof DOWN | typeof BELIEF | typeof COUNTER;
  readonly id: string;
  readonly server: string;
  readonly table: CounterTable;
}

/** A counter a request moved and the value it left, times counted from now. */
interface Move {
  readonly table: CounterTable;
  readonly id: string;
  readonly value: unknown;
}

interface Leaf {
  readonly trace: Trace;
  readonly moves: readonly Move[];
  readonly asked: Asked;
}

/**
 * A question and where each answer leads (a yes/no question by `yes` and `no`, a counter by
 * `next`), or the end of a path (`leaf`). One shape for all keeps the walk fast.
 */
interface Node {
  readonly question: Question | null;
  yes: Node | undefined;
  no: Node | undefined;
  readonly next: Map<unknown, Node> | null;
  readonly leaf: Leaf | null;
}

const fork = (question: Question): Node => ({ question, yes: undefined, no: undefined, next: question.kind === COUNTER ? new Map() : null, leaf: null });

/** Where `answer` leads from `node`. */
function child(node: Node, answer: unknown): Node | undefined {
  if (node.next) return node.next.get(answer);
  return answer === true ? node.yes : node.no;
}

function setChild(node: Node, answer: unknown, to: Node): void {
  if (node.next) node.next.set(answer, to);
  else if (answer === true) node.yes = to;
  else node.no = to;
}

/** The paths known for states that share the parts no question asks about (those of `state`). */
interface Context {
  readonly state: SimState;
  readonly roots: Map<string, Node>;
}

/** Each question asked so far, by kind and ids. */
interface Questions {
  readonly down: Map<string, Question>;
  readonly belief: Map<string, Map<string, Question>>;
  readonly counter: Map<CounterTable, Map<string, Question>>;
}

/** A memo of request paths; keep one per topology (see `memoSender`). */
export interface SendMemo {
  readonly contexts: Context[];
  readonly questions: Questions;
}

/** A sent request: its trace, what it asked (as `watch` reports it) and the counters after it. */
export interface Sent {
  readonly trace: Trace;
  readonly asked: Asked;
  readonly counters: Counters;
}

export const sendMemo = (): SendMemo => ({ contexts: [], questions: { down: new Map(), belief: new Map(), counter: new Map() } });

/** The question in `map` under `key`, made by `make` the first time. */
function made<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** The parts of the state a request reads without asking (see the file's header). */
function sameContext(a: SimState, b: SimState): boolean {
  return (
    a.topology === b.topology &&
    a.client === b.client &&
    sameData(a.hung, b.hung) &&
    sameData(a.vips, b.vips) &&
    sameData(a.databases, b.databases) &&
    sameData(a.replication, b.replication) &&
    sameData(a.appWrites, b.appWrites)
  );
}

/** A counter's value with its times counted from `now`, as a key (marks in id order). */
function counterKey(table: CounterTable, value: unknown, now: Ms): unknown {
  if (table === 'rr' || table === 'up' || value === null) return value;
  if (table === 'dns') {
    const e = value as DnsCacheEntry;
    return `${e.name} ${e.type} ${e.value} ${e.ttl} ${e.expiresAt - now}`;
  }
  const marks = value as Readonly<Record<string, Ms>>;
  const apps = Object.keys(marks);
  return apps.length === 0 ? '' : apps.sort().map((app) => `${app} ${(marks[app] as Ms) - now}`).join(',');
}

/** A moved counter's value with its times shifted by `by` (from now to absolute and back). */
function shifted(table: CounterTable, value: unknown, by: Ms): unknown {
  if (table === 'rr' || table === 'up' || value === null) return value;
  if (table === 'dns') return { ...(value as DnsCacheEntry), expiresAt: (value as DnsCacheEntry).expiresAt + by };
  return Object.fromEntries(Object.entries(value as Record<string, Ms>).map(([app, until]) => [app, until + by]));
}

/** Sends for real, hearing its path: the first time each question was asked (a counter only before the request moved it). */
function record(qs: Questions, state: SimState, request: Request, counters: Counters) {
  const path: { question: Question; answer: unknown }[] = [];
  const seen = new Set<Question>();
  const moved = new Set<Question>();
  const hear = (q: Question, answer: () => unknown) => {
    if (seen.has(q) || moved.has(q)) return;
    seen.add(q);
    path.push({ question: q, answer: answer() });
  };
  const counter = (table: CounterTable, id: string) => made(made(qs.counter, table, () => new Map<string, Question>()), id, (): Question => ({ kind: COUNTER, id, server: '', table }));
  const { result, asked } = watch(() =>
    listen(
      {
        down: (id, answer) => hear(made(qs.down, id, (): Question => ({ kind: DOWN, id, server: '', table: 'rr' })), () => answer),
        belief: (lb, server, up) => hear(made(made(qs.belief, lb, () => new Map<string, Question>()), server, (): Question => ({ kind: BELIEF, id: lb, server, table: 'rr' })), () => up),
        counter: (table, id, value) => hear(counter(table, id), () => counterKey(table, value, state.now)),
        moved: (table, id) => void moved.add(counter(table, id)),
      },
      () => send(state, request, false, counters),
    ),
  );
  const ex = result.exchange;
  const moves = [...moved].map(({ table, id }) => ({ table, id, value: shifted(table, counterValue(ex, state, table, id), -state.now) }));
  return { path, leaf: { trace: result.trace, moves, asked }, counters: ex };
}

function inconsistent(): never {
  throw new Error('a request asked something else after the same answers: the engine reads a part of the state it does not report');
}

/** Adds a recorded path to the tree at `roots[key]`. */
function insert(roots: Map<string, Node>, key: string, path: readonly { question: Question; answer: unknown }[], leaf: Leaf): void {
  const chain = (from: number): Node => {
    let node: Node = { question: null, yes: undefined, no: undefined, next: null, leaf };
    for (let i = path.length - 1; i >= from; i--) {
      const step = path[i] as { question: Question; answer: unknown };
      const up = fork(step.question);
      setChild(up, step.answer, node);
      node = up;
    }
    return node;
  };
  let node = roots.get(key);
  if (!node) return void roots.set(key, chain(0));
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as { question: Question; answer: unknown };
    if (node.leaf !== null || node.question !== step.question) inconsistent();
    const next = child(node, step.answer);
    if (!next) return void setChild(node, step.answer, chain(i + 1));
    node = next;
  }
  inconsistent();
}

// Request keys, worked out once per request object (the analysis sends the same few objects).
const keys = new WeakMap<Request, string>();

function keyOf(request: Request): string {
  let key = keys.get(request);
  if (key === undefined) keys.set(request, (key = formatRequest(request)));
  return key;
}

/**
 * `send(state, request, false, counters)` watched, for many requests on one state: returns a
 * function that gives exactly what sending would (the trace, what it asked, the counters moved
 * on, in place where sending moves them in place), taking it from `memo` when the request's
 * answers follow a path it knows. Without a memo, or on a state where a VIP may still move (a
 * waiting connection would meet a later state, read whole), every request is sent for real.
 */
export function memoSender(memo: SendMemo | undefined, state: SimState): (request: Request, counters: Counters) => Sent {
  if (!memo || vipsMayMove(state)) {
    return (request, counters) => {
      const { result, asked } = watch(() => send(state, request, false, counters));
      return { trace: result.trace, asked, counters: result.exchange };
    };
  }
  let context = memo.contexts.find((c) => sameContext(c.state, state));
  if (!context) memo.contexts.push((context = { state, roots: new Map() }));
  const { roots } = context;
  const down = state.failed.length > 0 ? downSet(state) : new Set<string>();
  const now = state.now;
  // The DNS cache rarely changes within a replay: its key is kept.
  let entry: unknown = undefined;
  let entryKey: unknown = undefined;
  const counter = (q: Question, counters: Counters): unknown => {
    const value = counterValue(counters, state, q.table, q.id);
    if (q.table !== 'dns') return counterKey(q.table, value, now);
    if (value !== entry) {
      entry = value;
      entryKey = counterKey('dns', value, now);
    }
    return entryKey;
  };
  // Yes/no answers never change on one state: from a node, where its run of them leads is kept
  // (until the tree grows, when a run that ended nowhere may lead somewhere).
  const runs = new Map<Node, Node | undefined>();
  const run = (from: Node): Node | undefined => {
    if (runs.has(from)) return runs.get(from);
    let node: Node | undefined = from;
    while (node !== undefined && node.leaf === null && node.next === null) {
      const q = node.question as Question;
      const yes = q.kind === DOWN ? down.has(q.id) : (state.lbs[q.id]?.health[q.server]?.up ?? true);
      node = yes ? node.yes : node.no;
    }
    runs.set(from, node);
    return node;
  };
  return (request, counters) => {
    const key = keyOf(request);
    let node = roots.get(key);
    while (node !== undefined && node.leaf === null) {
      node = node.next === null ? run(node) : node.next.get(counter(node.question as Question, counters));
    }
    const leaf = node?.leaf;
    if (leaf) {
      for (const m of leaf.moves) setCounter(counters, m.table, m.id, shifted(m.table, m.value, now));
      const trace = leaf.trace.sentAt === now ? leaf.trace : { ...leaf.trace, sentAt: now };
      return { trace, asked: leaf.asked, counters };
    }
    const sent = record(memo.questions, state, request, counters);
    insert(roots, key, sent.path, sent.leaf);
    runs.clear();
    return { trace: sent.leaf.trace, asked: sent.leaf.asked, counters: sent.counters };
  };
}
