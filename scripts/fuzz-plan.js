// What a seeded fuzz run plays (see scripts/fuzz.js): per segment, the launch and the keys.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** mulberry32: a small seeded generator, so a run is repeated exactly from its seed. */
function generator(s) {
  let a = s >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (list) => list[Math.floor(next() * list.length)] };
}

const ids = [...new Set(readdirSync(`${ROOT}topologies`).filter((f) => f.endsWith('.yaml')).flatMap((f) => [...readFileSync(`${ROOT}topologies/${f}`, 'utf8').matchAll(/\bid: ([a-z][a-z0-9-]*)/g)].map((m) => m[1])))];

/** Keys whose effect depends on nothing but the state: a fresh launch given them reaches the same state at any size. */
const stateKeys = [...'0123456789sSnbrfuHRyxictw?:+=]-_aqgzNXYZ!@#$%^&*()[]{}|;\'"', ' ', '\r', '\t', '\x7f', '\x1b', '\x1b[Z', '\x0c', '\x01', '\x05', '\x15', '\x17', '\x1b[3~', '\x1bOP', '\x1b[H', '\x1b[F'];
/** Keys that move through what was drawn (spatial selection, scrolling): their effect depends on the size. */
const sizeKeys = [...'hjkl', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[5~', '\x1b[6~'];
/** Keys that start a wall-clock timer (traffic, playback): the state then depends on how long things took. */
const clockKeys = [...'pTdme><.,/'];
const stateWords = ['fail', 'heal', 'hang', 'promote', 'maint', 'advance', 'send', 'goto', 'tour', 'spof', 'wire', 'help', 'step', 'back', 'reset', 'all', 'on', 'off', 'GET /', 'POST /signup', 'GET /static/logo.png', 'TCP 8.8.8.11:3306', '1s', '10s', '5m', '1h', '0', '-5', '1x', '2', '4', 'topologies/1-distributed.yaml', 'nope.yaml', '/dev/zero', ...ids];
const clockWords = ['traffic', 'qps', 'mix', 'speed', 'deploy', 'monitor', 'log', 'play', '30:50:20', '100:0:0', '50000', '100x', '10x'];

/**
 * The smallest size at which the app acts on every key (MIN_COLUMNS × MIN_ROWS in
 * source/ui/view/screen-plan.ts; test/e2e/fuzz.test.ts checks they agree). Below it only a few
 * keys act, by design, so a comparable segment is never below it: a fresh launch at the final
 * size would act on keys the segment's launch rightly ignored.
 */
export const USABLE = [60, 18];

/** The keys of a segment: `comparable` ones use only state keys, so a fresh launch can be brought to the same state. */
function keyStream(rng, count, comparable) {
  const keys = comparable ? stateKeys.filter((k) => k !== 'q') : [...stateKeys.filter((k) => k !== 'q'), ...sizeKeys, ...clockKeys];
  const words = comparable ? stateWords : [...stateWords, ...clockWords];
  const out = [];
  while (out.length < count) {
    const roll = rng.next();
    if (roll < 0.06) {
      const line = Array.from({ length: rng.int(1, 3) }, () => rng.pick(words)).join(' ');
      // In a comparable segment Esc first closes whatever would swallow the ':' (the request
      // menu, help, a question), so the words are typed on the line: typed as keys, the T of
      // "TCP" starts traffic, and the wall clock would then decide the screen.
      out.push(...(comparable ? [{ key: '\x1b' }] : []), { key: ':' }, ...[...line].map((ch) => ({ key: ch })), { key: '\r' });
    } else if (roll < 0.07) {
      out.push({ resize: comparable ? [rng.int(USABLE[0], 200), rng.int(USABLE[1], 60)] : [rng.int(30, 200), rng.int(8, 60)] });
    } else out.push({ key: rng.pick(keys) });
  }
  return out;
}

/** How a segment launches the app: a design or the home screen, sometimes with --ascii or --no-color. */
function launchArgs(rng) {
  const args = [];
  const design = rng.int(-1, 4);
  if (design >= 0) args.push(String(design));
  if (rng.next() < 0.2) args.push('--ascii');
  if (rng.next() < 0.2) args.push('--no-color');
  return args;
}

/** The ways a segment ends, as a user can: q (after closing what is open), or a signal, with the exit code expected. */
const endings = [
  { name: 'q', keys: ['\x1b', '\x1b', '\x1b', 'q'], code: 0 },
  { name: 'SIGTERM', signal: 'SIGTERM', code: 143 },
  { name: 'SIGINT', signal: 'SIGINT', code: 130 },
  { name: 'SIGHUP', signal: 'SIGHUP', code: 129 },
];

/**
 * What segment `index` of the run seeded `seed` plays, `count` keys long: how the app is launched
 * (arguments, size), its keys and resizes, and whether its last screen is compared with a fresh
 * launch's, and how it ends. The same for the same seed, index and count.
 */
export function planSegment(seed, index, count) {
  const rng = generator(seed * 100_003 + index);
  // One segment in three is comparable: its replay in a fresh launch costs as much again.
  const comparable = index % 3 === 1;
  const args = launchArgs(rng);
  // The same draws either way, so a comparable segment's start changes nothing else of the run.
  const size = [rng.int(60, 160), rng.int(comparable ? USABLE[1] : 16, 50)];
  const keys = keyStream(rng, count, comparable);
  return { comparable, args, size, keys, ending: rng.pick(endings) };
}
