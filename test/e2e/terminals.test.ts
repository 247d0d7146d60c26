import { describe, expect, it } from 'vitest';
import { commandTable } from '../../source/ui/commands/command-table.js';
import { CLI, ptySessions, type PtySession } from './pty-session.js';

const ENTER = '\r';
const ESC = '\x1b';
const start = ptySessions();

/** What a terminal sends for each key name the key maps use. */
const sequences: Readonly<Record<string, string>> = {
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', enter: ENTER, esc: ESC, tab: '\t', 'shift-tab': '\x1b[Z',
  backspace: '\x7f', space: ' ', pageup: '\x1b[5~', pagedown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F',
};
const bytesOf = (name: string): string => sequences[name] ?? (name.startsWith('ctrl-') ? String.fromCharCode(name.charCodeAt(5) - 96) : name);

/** Presses a key and lets the app take it (traffic keeps the app busy, so no waiting for idle). */
async function key(session: PtySession, bytes: string): Promise<void> {
  await session.press(bytes);
  await session.quiet(40, 5000);
}

/** A walk through the screens a lecture uses: overlays, modes, views, traffic, a too-small window. */
async function tourOfScreens(s: PtySession, design: string): Promise<void> {
  await s.waitFor('Enter open');
  for (const k of ['?', ESC, 'j', design]) await key(s, k);
  await s.waitFor('EXPLORE');
  for (const k of ['s', 'j', ENTER, ' ', ' ', 'i', 'c', 'c', 'i', 'x', 'x', 't', 'n', 'n', ESC, '\t', ENTER, '+', 'p', 'w', ESC, ':', 'h', 'e', 'l', 'p', ENTER, '?', ESC]) await key(s, k);
  for (const k of ['T', 'e', 'm', ESC, ' ', '?']) await key(s, k);
  s.resize(50, 15);
  await s.waitFor('too small');
  s.resize(80, 24);
  await s.settled();
}

const nonAscii = (text: string): string[] => [...new Set([...text].filter((ch) => ch.codePointAt(0)! > 0x7f))];

describe('terminals as they are', () => {
  it.each([
    ['LANG=C', { LANG: 'C' }],
    ['LC_ALL=POSIX over a UTF-8 LANG', { LANG: 'en_US.UTF-8', LC_ALL: 'POSIX' }],
    ['TERM=vt100', { TERM: 'vt100' }],
  ])('under %s the app sends no byte above 0x7F, on any screen', { timeout: 60_000 }, async (_name, env) => {
    for (const design of ['1', '2', '4']) {
      const s = start({ env, columns: 80, rows: 24 });
      await tourOfScreens(s, design);
      expect(nonAscii(s.output), `design ${design}`).toEqual([]);
      s.kill();
    }
  });

  it('colour follows the terminal: on for xterm-256color and truecolor, off for TERM=dumb and under NO_COLOR', async () => {
    // eslint-disable-next-line no-control-regex
    const colour = /\x1b\[(?:3[0-7]|9[0-7]|38;)/;
    const cases = [
      [{ TERM: 'xterm-256color' }, true],
      [{ TERM: 'xterm-256color', COLORTERM: 'truecolor' }, true],
      [{ TERM: 'xterm' }, true],
      [{ TERM: 'dumb' }, false],
      [{ TERM: 'xterm-256color', NO_COLOR: '1' }, false],
    ] as const;
    for (const [env, coloured] of cases) {
      const s = start({ args: ['1'], env });
      await s.waitFor('EXPLORE');
      await s.settled();
      expect(colour.test(s.output), JSON.stringify(env)).toBe(coloured);
      s.kill();
    }
  });

  it.each([
    ['SIGQUIT', 131],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ])('%s restores the terminal and exits %i', async (signal, code) => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    s.kill(signal);
    expect(await s.exit()).toBe(code);
    expect([s.inAlternateScreen, s.cursorVisible]).toEqual([false, true]);
  });

  it('Ctrl-Z under a shell: the job stops with the terminal restored, fg brings the same screen back', { timeout: 30_000 }, async () => {
    const s = start({ command: 'bash', args: ['--norc', '--noprofile', '-i'], env: { PS1: 'prompt$ ' } });
    await s.waitFor('prompt$');
    await s.type(`${process.execPath} ${CLI} 1\r`);
    await s.waitFor('EXPLORE');
    await s.settled();
    await s.press('s', ENTER, ' ');
    await s.waitFor('hop 2 of');
    const before = await s.settled();
    await s.press('\x1a');
    await s.waitFor(/Stopped/);
    expect([s.inAlternateScreen, s.cursorVisible]).toEqual([false, true]);
    await s.type('fg\r');
    // (`settled` would watch the shell, not the app: wait for the screen itself.)
    await s.waitFor((screen) => s.inAlternateScreen && screen === before);
    // Keys work again (raw mode is back): a step forward.
    await s.press(' ');
    await s.waitFor('hop 3 of');
    await s.press('q');
    await s.waitFor('prompt$');
    expect([s.inAlternateScreen, s.cursorVisible]).toEqual([false, true]);
    await s.type('exit\r');
    expect(await s.exit()).toBe(0);
  });

  it('Ctrl-Z with no shell to stop to (the app is the terminal\'s only program) carries on', async () => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    const before = await s.settled();
    await s.press('\x1a');
    await s.waitFor((screen) => s.inAlternateScreen && screen === before);
    expect(s.ended).toBe(false);
  });
});

/** Every key the command table binds, and a few nothing binds; the quit command's keys are left out. */
const everyKey = [...new Set(commandTable.filter((c) => c.id !== 'quit').flatMap((c) => (c.keys ?? []).flatMap((k) => k.keys)))]
  .concat(['z', 'Q', '!', 'ctrl-a', 'ctrl-x', 'end', 'home']);

describe('every tour, driven with every key, never ends the app', () => {
  it.each(['0', '1', '2', '3', '4'])('design %s', { timeout: 120_000 }, async (design) => {
    const s = start({ args: [design], columns: 80, rows: 24 });
    await s.waitFor('EXPLORE');
    for (const name of everyKey) {
      if (!s.screen().includes('TOUR ')) {
        // Back into the tour: close what is open, reopen the design if a key left it.
        await key(s, ESC);
        if (s.screen().includes('Enter open')) await key(s, design);
        if (!s.screen().includes('TOUR ')) await key(s, 't');
      }
      await key(s, bytesOf(name));
      expect(s.ended, `design ${design}, key ${name}: ${s.screen()}`).toBe(false);
      expect(s.screen(), `design ${design}, key ${name}`).not.toContain('unexpected error');
    }
  });
});
