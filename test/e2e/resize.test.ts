import { describe, expect, it } from 'vitest';
import { draw, seedState } from '../../source/sim/random.js';
import { PtySession } from './pty-session.js';

const ENTER = '\r';
const CTRL_L = '\x0c';

/**
 * A state of the app, reached by launching with `args` and pressing `keys` (none depends on the
 * size), shown once the screen matches `reached`.
 */
interface Scenario {
  readonly name: string;
  readonly args: readonly string[];
  readonly keys: readonly string[];
  readonly reached: RegExp;
}

const scenarios: readonly Scenario[] = [
  { name: 'the home screen', args: [], keys: [], reached: /Enter open|too small/ },
  { name: 'design 1 three hops into a request', args: ['1'], keys: ['s', ENTER, ' ', ' ', ' '], reached: /STEP 4\/|too small/ },
  { name: 'design 3 on its second tour slide', args: ['3'], keys: ['t', 'n'], reached: /TOUR 2\/|too small/ },
  { name: 'design 4 with a component down', args: ['4'], keys: ['\t', '\t', ENTER], reached: /down: |too small/ },
];

/** Final sizes: 80×24 and its neighbours, the minimum and just below it, a projector, a big window. */
const finalSizes: readonly (readonly [number, number])[] = [[80, 24], [79, 24], [80, 23], [60, 18], [59, 17], [120, 40], [160, 50]];
const SEQUENCES_PER_SCENARIO = 50;

/** A seeded source of numbers for one scenario, so a failure can be replayed exactly. */
function random(seed: number) {
  let state = seedState(seed);
  const next = (): number => {
    const d = draw(state);
    state = d.next;
    return d.value;
  };
  return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

type Rng = ReturnType<typeof random>;
type Step = readonly [columns: number, rows: number, pauseMs: number];

/**
 * One random resize sequence ending at `final`: single-column and single-row changes, jumps,
 * a shrink below the minimum and back, and bursts of 20 events within a second, with pauses
 * that sometimes let a frame land and sometimes do not.
 */
function sequence(rng: Rng, from: readonly [number, number], final: readonly [number, number]): Step[] {
  const steps: Step[] = [];
  let [columns, rows] = from;
  const go = (c: number, r: number, pause: number) => {
    columns = Math.max(30, Math.min(160, c));
    rows = Math.max(8, Math.min(50, r));
    steps.push([columns, rows, pause]);
  };
  for (let n = rng.int(1, 4); n > 0; n--) {
    const pause = rng.pick([0, 5, 20, 60]);
    switch (rng.pick(['column', 'column', 'row', 'row', 'jump', 'below-minimum', 'burst'] as const)) {
      case 'column':
        go(columns + rng.pick([-1, 1]), rows, pause);
        break;
      case 'row':
        go(columns, rows + rng.pick([-1, 1]), pause);
        break;
      case 'jump':
        go(rng.int(45, 140), rng.int(12, 45), pause);
        break;
      case 'below-minimum': {
        const [c, r] = [columns, rows];
        go(rng.int(30, 59), rng.int(8, 17), rng.pick([0, 60]));
        go(c, r, pause);
        break;
      }
      case 'burst':
        for (let i = 0; i < 20; i++) go(columns + rng.int(-3, 3), rows + rng.int(-2, 2), rng.int(0, 45));
        break;
    }
  }
  go(final[0], final[1], 0);
  return steps;
}

async function launch(scenario: Scenario, columns: number, rows: number): Promise<PtySession> {
  const session = new PtySession({ args: scenario.args, columns, rows, env: { LANG: 'C.UTF-8' } });
  await session.waitFor(scenario.args.length > 0 ? /EXPLORE|too small/ : /Enter open|too small/, 10_000);
  await session.settled();
  for (const key of scenario.keys) {
    await session.press(key);
    // Not `settled`: after some keys (T starts traffic) the app is never idle until the next.
    await session.quiet(60);
  }
  await session.waitFor(scenario.reached, 10_000);
  await session.settled();
  return session;
}

/** The screen a fresh launch at a size draws for the scenario's state (launched once per size). */
function freshScreens(scenario: Scenario) {
  const cache = new Map<string, Promise<string>>();
  return (columns: number, rows: number): Promise<string> => {
    const key = `${columns}x${rows}`;
    let screen = cache.get(key);
    if (!screen) {
      screen = launch(scenario, columns, rows).then(async (session) => {
        const text = session.screen();
        session.kill();
        await session.exit();
        return text;
      });
      cache.set(key, screen);
    }
    return screen;
  };
}

/** Sends seeded random resize sequences to one app and checks each final screen against a fresh launch. */
async function resizeSequences(scenario: Scenario, seed: number): Promise<void> {
  const rng = random(seed);
  const fresh = freshScreens(scenario);
  const session = await launch(scenario, 80, 24);
  let size: readonly [number, number] = [80, 24];
  try {
    for (let n = 0; n < SEQUENCES_PER_SCENARIO; n++) {
      const steps = sequence(rng, size, rng.pick(finalSizes));
      for (const [columns, rows, pause] of steps) {
        session.resize(columns, rows);
        if (pause > 0) await new Promise((r) => setTimeout(r, pause));
      }
      const [columns, rows] = steps.at(-1)!;
      size = [columns, rows];
      const expected = await fresh(columns, rows);
      const replay = `${scenario.name}, sequence ${n} (seed ${seed}): ${steps.map(([c, r, p]) => `${c}x${r}+${p}ms`).join(' ')}`;
      const screen = await session.settled();
      expect(session.ended, `${replay} ended the app: ${JSON.stringify(session.output.slice(-300))}`).toBe(false);
      expect(screen, replay).toBe(expected);
    }
  } finally {
    session.kill();
  }
}

// Two apps at a time (two lanes of two scenarios each), not four: the machine has two cores
// and the other pty suites run alongside.
describe.concurrent('resizing never leaves a screen other than a fresh launch would draw', () => {
  for (const lane of [scenarios.slice(0, 2), scenarios.slice(2)]) {
    it(`${SEQUENCES_PER_SCENARIO} random resize sequences on each of ${lane.map((s) => s.name).join(' and ')}`, { timeout: 300_000 }, async () => {
      for (const scenario of lane) await resizeSequences(scenario, 1000 + scenarios.indexOf(scenario));
    });
  }
});

describe('Ctrl-L', () => {
  const screens: readonly { readonly name: string; readonly args: readonly string[]; readonly keys: readonly string[] }[] = [
    { name: 'home', args: [], keys: [] },
    { name: 'a design', args: ['2'], keys: ['s', ENTER, ' '] },
    { name: 'the help overlay', args: ['1'], keys: ['?'] },
    { name: 'the command line', args: ['1'], keys: [':', 'f', 'a'] },
    { name: 'the tour', args: ['0'], keys: ['t'] },
    { name: 'traffic, paused', args: ['1'], keys: ['T', ' '] },
    { name: 'too small', args: ['1'], keys: [] },
  ];
  it.each(screens)('repaints everything on $name, and changes nothing else', async ({ name, args, keys }) => {
    const [columns, rows] = name === 'too small' ? [50, 15] : [80, 24];
    const scenario = { name, args, keys, reached: /./ };
    const session = await launch(scenario, columns, rows);
    try {
      const before = session.screen();
      // Something else wrote over the app (a `wall` message, a background job): rubbish all over.
      await new Promise((resolve) => session.terminal.write('\x1b[2;3Hrubbish\x1b[12;40Hmore rubbish\x1b[1;1H\x1b[2K', () => resolve(undefined)));
      expect(session.screen()).not.toBe(before);
      await session.press(CTRL_L);
      expect(await session.settled()).toBe(before);
      expect(session.ended).toBe(false);
    } finally {
      session.kill();
    }
  });
});

describe('a key typed just after the window grows out of too small', () => {
  // The window change is gathered for a moment before the screen is repainted: a key read in that
  // moment must act at the new size, as the screen it was typed at shows, not be dropped as if
  // the terminal were still too small.
  it.each([2, 8, 15])('acts at the new size (typed %i ms after the change)', async (delay) => {
    const session = new PtySession({ args: ['1'], columns: 59, rows: 17 });
    try {
      await session.waitFor(/too small/, 10_000);
      await session.settled();
      session.resize(80, 24);
      await new Promise((r) => setTimeout(r, delay));
      await session.press('f');
      expect(await session.waitFor(/down: /, 5000)).toMatch(/EXPLORE/);
    } finally {
      session.kill();
    }
  });
});
