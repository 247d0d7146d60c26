import { describe, expect, it } from 'vitest';
import { builtinIds } from '../../source/model/builtin-ids.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { activeScopes } from '../../source/ui/keys/resolve-key.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState } from '../../source/ui/state/app-state.js';
import { helpLines } from '../../source/ui/view/help-lines.js';
import { ptySessions, type PtySession } from './pty-session.js';

const ESC = '\x1b';
const PAGE_DOWN = '\x1b[6~';
const COLUMNS = 80;
const ROWS = 24;
const start = ptySessions({ columns: COLUMNS, rows: ROWS, env: { NO_COLOR: '1' } });

const POSITION = /lines (\d+)–(\d+) of (\d+)/;

/**
 * Every line of the panel whose title rule matches `rule`, read by scrolling it with `key` to
 * its end: the rows between the rule and the two footer rows of the frame (`rows - 1` tall),
 * placed by the line numbers the rule shows.
 */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readPanel(s: PtySession, rule: RegExp, key: string, rows = ROWS): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    // The rule can be drawn before the rows under it: read the panel once two reads agree
    // (the clock in the header may keep moving under traffic; the panel does not).
    const read = async () => {
      const screen = (await s.waitFor(rule)).split('\n');
      const at = screen.findIndex((l) => rule.test(l));
      return { screen, at, panel: screen.slice(at + 1, rows - 3) };
    };
    let { screen, at, panel } = await read();
    for (let again = await pause(50).then(read); again.panel.join('\n') !== panel.join('\n'); again = await pause(50).then(read)) {
      ({ screen, at, panel } = again);
    }
    const position = POSITION.exec(screen[at] ?? '');
    if (!position) return panel;
    const [first, last, total] = position.slice(1).map(Number) as [number, number, number];
    panel.slice(0, last - first + 1).forEach((row, i) => (lines[first - 1 + i] = row));
    if (last === total) return lines;
    await s.press(key);
    await s.waitFor((screen) => POSITION.exec(screen)?.[1] !== String(first));
  }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

for (const [columns, rows] of [[COLUMNS, ROWS], [60, 18]] as const) {
  describe(`every tour slide can be read whole at ${columns}×${rows}`, () => {
    for (const [number, id] of builtinIds.entries()) {
      it(`design ${number} (${id})`, async () => {
        const { tour } = loadBuiltin(String(number));
        const s = start({ args: [String(number)], columns, rows });
        await s.waitFor('EXPLORE');
        await s.press('t');
        for (const [index, slide] of tour.entries()) {
          if (index > 0) await s.press('n');
          const rule = new RegExp(`─ Tour ${index + 1}/${tour.length} · `);
          const screen = await s.waitFor(rule);
          // A title the rule has to cut is the panel's first row.
          const titled = screen.includes(`Tour ${index + 1}/${tour.length} · ${slide.title} `);
          const read = await readPanel(s, rule, 'j', rows);
          expect(words(read.join(' '))).toEqual([...(titled ? [] : words(`Tour ${index + 1}/${tour.length} · ${slide.title}`)), ...words(slide.text), 'focus:', ...words(slide.focus.join(', '))]);
        }
      }, 60_000);
    }
  });
}

/** The help overlay's lines for the state the actions lead to, as plain rows (trailing blanks dropped). */
function expectedHelp(...actions: readonly Action[]): string[] {
  const state = [...actions, { type: 'overlay', overlay: 'help' } as const].reduce(appReducer, initialAppState(1));
  const lines = helpLines(activeScopes(state), false, true).map((l) => l.map((s) => s.text).join('').trimEnd());
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

describe(`help at ${COLUMNS}×${ROWS} shows every line whole in every mode`, () => {
  const open: Action = { type: 'open-design', topology: loadBuiltin('1') };
  const modes: readonly { name: string; keys: readonly string[]; wait: string; actions: readonly Action[] }[] = [
    { name: 'home', keys: [], wait: '1  distributed', actions: [] },
    { name: 'design', keys: ['1'], wait: 'EXPLORE', actions: [open] },
    { name: 'tour', keys: ['1', 't'], wait: 'TOUR 1/', actions: [open, { type: 'tour', to: 'toggle' }] },
    { name: 'SPOF', keys: ['1', 'x'], wait: 'SPOF OVERLAY', actions: [open, { type: 'toggle-spof' }] },
    { name: 'traffic', keys: ['1', 'T'], wait: 'TRAFFIC', actions: [open, { type: 'traffic', to: 'on' }] },
    { name: 'configuration', keys: ['1', 'c'], wait: 'configuration', actions: [open, { type: 'toggle-config' }] },
  ];
  for (const mode of modes) {
    it(mode.name, async () => {
      const s = start();
      await s.waitFor('1  distributed');
      await s.press(...mode.keys);
      await s.waitFor(mode.wait);
      await s.press('?');
      const read = await readPanel(s, /─ Keys \(Esc or \? closes\)/, PAGE_DOWN);
      while (read.at(-1) === '') read.pop();
      expect(read).toEqual(expectedHelp(...mode.actions));
    });
  }
});

describe('Esc goes back one level and nothing is lost', () => {
  it('from every screen of a design, then home and back: the failures, the request and the history stay', async () => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    await s.command('fail server-1', 'down: server-1');
    await s.command('send GET /', /STEP 1\/\d+/);
    await s.press(' ');
    const stepped = await s.waitFor(/STEP 2\/(\d+)/);
    const header = stepped.split('\n')[0] ?? '';
    const screens: readonly { keys: readonly string[]; shows: string | RegExp }[] = [
      { keys: ['?'], shows: 'Keys (Esc or ? closes)' },
      { keys: ['c'], shows: '/etc/haproxy/haproxy.cfg' },
      { keys: ['i'], shows: /─ haproxy-1/ },
      { keys: ['t'], shows: 'TOUR 1/' },
      { keys: ['x'], shows: 'SPOF OVERLAY' },
      { keys: [':'], shows: /^:/m },
      { keys: ['s'], shows: 'Send a request' },
    ];
    for (const screen of screens) {
      await s.press(...screen.keys);
      await s.waitFor(screen.shows);
      await s.press(ESC);
      // Back where it was: the same header (mode, clock, what is down) and the request at its hop.
      await s.waitFor((sc) => sc.split('\n')[0] === header && sc.includes('GET / · hop 2 of'));
    }
    await s.press(ESC);
    const folded = await s.waitFor(/EXPLORE .*down: server-1/);
    expect(folded).toContain('Space shows it again');
    await s.press(ESC);
    const home = await s.waitFor('1* distributed');
    expect(home).toContain('kept (2 steps, 1 down)');
    await s.press('1');
    await s.waitFor(/EXPLORE .*down: server-1/);
    await s.press(' ');
    expect((await s.waitFor(/STEP 2\//)).split('\n')[0]).toBe(header);
  });

  it('each design keeps its own session while the others are visited', async () => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    await s.command('fail nginx-1', 'down: nginx-1');
    await s.press('3');
    await s.waitFor('3 Scaled');
    await s.command('fail lb-1', 'down: lb-1');
    await s.press('1');
    const first = await s.waitFor('as you left it');
    expect(first.split('\n')[0]).toMatch(/down: nginx-1$/);
    await s.press('3');
    expect((await s.waitFor(/^3 Scaled.*as you left it/s)).split('\n')[0]).toMatch(/down: lb-1$/);
  });

  it('R asks before starting afresh; only y does it', async () => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    await s.command('fail server-1', 'down: server-1');
    await s.press('R');
    await s.waitFor(/afresh, dropping 1 step, 1 down\? y resets/);
    await s.press('n');
    expect(await s.waitFor('nothing was reset')).toContain('down: server-1');
    await s.press('R');
    await s.waitFor('y resets');
    await s.press('y');
    expect(await s.waitFor('started afresh')).not.toContain('down: server-1');
  });
});

describe('at the minimum size (60×18)', () => {
  const small = { columns: 60, rows: 18 } as const;

  it('the error page keeps the hop that failed on screen', async () => {
    const s = start({ ...small, args: ['1'] });
    await s.waitFor('EXPLORE');
    await s.command('fail server-1', 'down: server-1');
    await s.command('fail server-2', 'down: server-1, server-2');
    const first = await s.command('send GET /', /STEP 1\/(\d+)/);
    const hops = Number(/STEP 1\/(\d+)/.exec(first)?.[1]);
    for (let hop = 2; hop <= hops; hop++) await s.press('n');
    const done = await s.waitFor(`STEP ${hops}/${hops}`);
    expect(done).toMatch(new RegExp(`❯ ${hops} haproxy-1 → browser .*✗ failed`));
    expect(done).toContain('503 Service Unavailable');
  });

  it('the header counts what it cannot list', async () => {
    const s = start({ ...small, args: ['4'] });
    await s.waitFor('EXPLORE');
    for (const id of ['lb-1', 'web-1', 'app-2', 'db-2']) await s.command(`fail ${id}`, `${id} is down`);
    const header = (await s.waitFor('✗ 4 down')).split('\n')[0] ?? '';
    expect(header).not.toContain('down:');
    expect(header.length).toBeLessThanOrEqual(60);
  });
});
