// A seeded fuzz of the built app in a pseudo-terminal: random keys, `:` command lines and
// resizes, in segments of one launch each. It reports crashes (the app ended, or showed an
// unexpected error), hangs (busy or silent far too long), screens that differ from a fresh
// launch brought to the same state at the same size, and ways out that leave the terminal
// unrestored. `npm run fuzz -- --keys 100000 --seed 1`; exit 1 when anything was found.
// `--only N` plays segment N alone (as a report names it), `--plan` prints what a run plays.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planSegment, USABLE } from './fuzz-plan.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const { values: opts } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    segment: { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    /** Wait for the app to be idle after every key, not only around escape sequences and Enter. */
    paced: { type: 'boolean', default: false },
    /** Run only this segment (its number in a report's label), as the full run would. */
    only: { type: 'string' },
    /** Print the segments a run would play (as if none ended early) as JSON, and launch nothing. */
    plan: { type: 'boolean', default: false },
  },
});
const totalKeys = Number(opts.keys);
const seed = Number(opts.seed);
const segmentKeys = Number(opts.segment);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One launch of the built CLI in a pseudo-terminal, read by a headless xterm. */
class Session {
  constructor(args, columns, rows) {
    this.term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
    const env = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8' };
    for (const name of ['CI', 'LC_ALL', 'LC_CTYPE']) delete env[name];
    this.raw = '';
    this.last = Date.now();
    this.exit = undefined;
    this.child = pty.spawn(process.execPath, [CLI, ...args], { cols: columns, rows, env, cwd: ROOT, name: 'xterm-256color' });
    this.child.onData((d) => {
      this.raw = (this.raw + d).slice(-20000);
      this.last = Date.now();
      this.term.write(d);
    });
    this.ended = new Promise((resolve) => this.child.onExit((e) => resolve((this.exit = e))));
  }
  state() {
    try {
      return readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[0];
    } catch {
      return 'gone';
    }
  }
  /** Waits until nothing was written for `ms` and the process sleeps; false after `limit` ms. */
  async idle(ms, limit) {
    const deadline = Date.now() + limit;
    while (Date.now() < deadline) {
      if (this.exit) return true;
      if (Date.now() - this.last >= ms && this.state() === 'S') return true;
      await sleep(Math.min(ms, 10));
    }
    return false;
  }
  /** Waits for the first frame: the app is in the alternate screen, has drawn, and reads keys in raw mode. */
  async started(limit) {
    const deadline = Date.now() + limit;
    while (Date.now() < deadline && !this.exit) {
      if (this.term.buffer.active.type === 'alternate' && (await this.screen()).trim() !== '') return this.idle(100, limit);
      await sleep(20);
    }
    return false;
  }
  async screen() {
    await new Promise((r) => this.term.write('', r));
    const b = this.term.buffer.active;
    return Array.from({ length: this.term.rows }, (_, y) => b.getLine(b.viewportY + y)?.translateToString(true) ?? '').join('\n');
  }
  resize(columns, rows) {
    this.child.resize(columns, rows);
    this.term.resize(columns, rows);
  }
  kill() {
    if (!this.exit) this.child.kill('SIGKILL');
  }
}

/**
 * Sends a key as a terminal does, at typing speed or faster, so that several keys often arrive in
 * one read (the app splits a read into its keys). A lone Esc is followed by a quiet moment: Esc
 * then `[` in one read is the start of an escape sequence, to the app as to any terminal program.
 * In a comparable segment, a key after which the app keeps computing is followed by a quiet
 * moment too: work done a slice per frame (the compare screen's figures, a big SPOF analysis)
 * leaves a state that depends on how many slices ran before the next key, that is on time.
 */
async function press(session, key, comparable) {
  session.child.write(key);
  // The terminal hands input over a moment later: quiet is counted from the write, not from the last output.
  session.last = Date.now();
  // After Enter a command may load a file (a promise): the next keys must find it loaded, as a person's would.
  if (key === '\x1b' || key === '\r' || opts.paced) return void (await session.idle(25, HANG_MS));
  await sleep(2);
  if (comparable && session.state() === 'R') {
    await sleep(8);
    if (session.state() === 'R') await session.idle(25, HANG_MS);
  }
}

const report = { keys: 0, resizes: 0, launches: 0, quits: 0, comparisons: 0, crashes: [], hangs: [], mismatches: [], unrestored: [] };
/** Longer than the longest work a key can start (an hour of traffic at the largest load), even on a loaded machine. */
const HANG_MS = 90_000;

/** Drives `keys` into `session`; returns the problem that stopped it, if any. */
async function drive(session, keys, where, comparable) {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.resize) session.resize(...k.resize);
    else await press(session, k.key, comparable);
    if (session.exit) {
      // A `q` typed where a command line was expected (a question answered by the `:` before it) quits: a way out, not a crash.
      if (session.exit.exitCode === 0 && !session.exit.signal) return { kind: 'quit', at: i };
      return { kind: 'crash', at: i, detail: `exited with ${session.exit.exitCode} (signal ${session.exit.signal})` };
    }
    if (i % 50 === 49 || i === keys.length - 1) {
      if (!(await session.idle(25, HANG_MS))) return { kind: 'hang', at: i, detail: `no quiet moment for ${HANG_MS} ms (state ${session.state()})` };
      const screen = await session.screen();
      if (/unexpected error/.test(screen)) return { kind: 'crash', at: i, detail: screen };
    }
    if (where.count) report.keys += k.resize ? 0 : 1;
    if (where.count && k.resize) report.resizes += 1;
  }
  return undefined;
}

/** The terminal as the app found it: main screen, cursor shown. */
const restoredAfter = (session) => session.term.buffer.active.type === 'normal' && session.raw.lastIndexOf('\x1b[?25h') > session.raw.lastIndexOf('\x1b[?25l');

/** Ends the session one of the ways a user can, and checks the terminal came back. */
async function end(session, how, label) {
  let before = '';
  if (how.keys) {
    before = await session.screen();
    for (const key of how.keys) {
      await session.idle(25, 5000);
      session.child.write(key);
      await sleep(30);
    }
  }
  else session.child.kill(how.signal);
  const timer = setTimeout(() => session.kill(), 10_000);
  const exit = await session.ended;
  clearTimeout(timer);
  await session.screen();
  const restored = restoredAfter(session);
  const expected = how.code === 0 ? [0] : [how.code];
  if (!restored || !expected.includes(exit.exitCode) || exit.signal) report.unrestored.push({ label, how: how.name, exit: exit.exitCode, signal: exit.signal, restored, screen: before });
}

async function segment(index) {
  const { comparable, args, size, keys, ending } = planSegment(seed, index, Math.min(segmentKeys, totalKeys - report.keys));
  const label = `segment ${index} (seed ${seed}, ${comparable ? 'comparable' : 'clocked'}, args ${JSON.stringify(args)})`;
  const session = new Session(args, ...size);
  report.launches += 1;
  try {
    // Keys typed before raw mode would be read by the terminal's line editor, not the app.
    if (!(await session.started(HANG_MS))) {
      report.hangs.push({ label, at: 0, detail: `no first frame within ${HANG_MS} ms` });
      return;
    }
    const problem = await drive(session, keys, { count: true }, comparable);
    if (problem?.kind === 'quit') {
      report.quits += 1;
      await session.screen();
      if (!restoredAfter(session)) report.unrestored.push({ label, how: 'a q key', exit: 0, restored: false });
      return;
    }
    if (problem) {
      const entry = { label, ...problem, lastKeys: JSON.stringify(keys.slice(Math.max(0, problem.at - 20), problem.at + 1).map((k) => k.key ?? k.resize)) };
      (problem.kind === 'hang' ? report.hangs : report.crashes).push(entry);
      return;
    }
    if (comparable) await compare(session, keys, args, label);
    await end(session, ending, label);
  } finally {
    session.kill();
  }
}

/** A fresh launch at the final size given the same keys (without the resizes) must show the same screen. */
async function compare(session, keys, args, label) {
  await session.idle(300, HANG_MS);
  const seen = await session.screen();
  const fresh = new Session(args, session.term.cols, session.term.rows);
  try {
    const problem = (await fresh.started(HANG_MS)) ? await drive(fresh, keys.filter((k) => !k.resize), { count: false }, true) : { kind: 'hang', detail: 'no first frame' };
    await fresh.idle(300, HANG_MS);
    const expected = await fresh.screen();
    report.comparisons += 1;
    if (problem) report.mismatches.push({ label, detail: `the fresh launch: ${problem.kind} ${problem.detail}` });
    else if (expected !== seen) report.mismatches.push({ label, size: [session.term.cols, session.term.rows], seen, expected });
  } finally {
    fresh.kill();
  }
}

/** The segments a run would play, as if none ended early (a q typed ends one short). */
function printPlan() {
  const segments = [];
  for (let index = 0, keys = 0; keys < totalKeys; index++) {
    const planned = planSegment(seed, index, Math.min(segmentKeys, totalKeys - keys));
    keys += planned.keys.filter((k) => !k.resize).length;
    segments.push({ index, ...planned });
  }
  process.stdout.write(`${JSON.stringify({ seed, usable: USABLE, segments })}\n`);
}

async function fuzz() {
  const started = Date.now();
  const only = opts.only === undefined ? undefined : Number(opts.only);
  for (let index = only ?? 0; only === undefined ? report.keys < totalKeys : index === only; index++) {
    await segment(index);
    if (!opts.quiet && !opts.json) process.stderr.write(`\r${report.keys} keys, ${report.launches} launches, ${report.crashes.length} crashes, ${report.hangs.length} hangs, ${report.mismatches.length} mismatches`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const summary = { seed, keys: report.keys, resizes: report.resizes, launches: report.launches, quits: report.quits, comparisons: report.comparisons, crashes: report.crashes.length, hangs: report.hangs.length, mismatches: report.mismatches.length, unrestored: report.unrestored.length, seconds };
  if (opts.json) process.stdout.write(`${JSON.stringify({ ...summary, details: { crashes: report.crashes, hangs: report.hangs, mismatches: report.mismatches, unrestored: report.unrestored } })}\n`);
  else {
    if (!opts.quiet) process.stderr.write('\n');
    for (const list of ['crashes', 'hangs', 'mismatches', 'unrestored']) for (const item of report[list]) process.stdout.write(`${list}: ${JSON.stringify(item, null, 1)}\n`);
    process.stdout.write(`fuzz: ${summary.keys} keys, ${summary.resizes} resizes, ${summary.launches} launches (${summary.quits} ended by a q typed), ${summary.comparisons} fresh-launch comparisons: ${summary.crashes} crashes, ${summary.hangs} hangs, ${summary.mismatches} mismatched screens, ${summary.unrestored} unrestored terminals, ${seconds} s\n`);
  }
  process.exitCode = summary.crashes + summary.hangs + summary.mismatches + summary.unrestored > 0 ? 1 : 0;
}

if (opts.plan) printPlan();
else await fuzz();
