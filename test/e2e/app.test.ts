import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ptySessions, type PtySession } from './pty-session.js';

const ENTER = '\r';
const start = ptySessions();

/** Sends GET / and steps to the last hop; returns the screen with the outcome. */
async function sendAndStep(session: PtySession): Promise<{ screen: string; visited: string[] }> {
  const first = await session.command('send GET /', /hop 1 of (\d+)/);
  const total = Number(/hop 1 of (\d+)/.exec(first)?.[1]);
  const visited: string[] = [];
  for (let hop = 2; hop <= total; hop++) {
    await session.press(' ');
    const screen = await session.waitFor(hop === total ? 'done' : `hop ${hop} of ${total}`);
    visited.push(/^❯ \d+ (.*?) {2}/m.exec(screen)?.[1] ?? '');
  }
  return { screen: await session.waitFor(/→ \d{3} /), visited };
}

describe('the interactive app in a terminal', () => {
  it('takes a newcomer from home to a rerouted request, then restores the terminal', async () => {
    const s = start({ env: { NO_COLOR: '' } });
    await s.waitFor('1  distributed');
    expect(s.inAlternateScreen).toBe(true);
    await s.press('1');
    await s.waitFor('EXPLORE');

    const first = await sendAndStep(s);
    expect(first.visited.some((hop) => /→ mysql-\d/.test(hop))).toBe(true);
    expect(first.visited.at(-1)).toMatch(/→ browser$/);
    expect(first.screen).toMatch(/→ 200 OK/);

    await s.command('fail server-1', 'down: server-1');
    await s.command('advance 10s', 't=10.0s');
    const second = await sendAndStep(s);
    expect(second.screen).toContain('served by nginx-2');

    await s.press('q');
    expect(await s.exit()).toBe(0);
    expect(s.inAlternateScreen).toBe(false);
    expect(s.cursorVisible).toBe(true);
  });

  it('restores the terminal on Ctrl-C, even with the command line open', async () => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    // The first frame is drawn before the effect that turns raw mode on has run: until then the
    // terminal, not the app, reads Ctrl-C (a SIGINT, exit 130). Wait for the app to be idle.
    await s.settled();
    await s.press(':', 'x', '\x03');
    expect(await s.exit()).toBe(0);
    expect([s.inAlternateScreen, s.cursorVisible]).toEqual([false, true]);
  });

  it('restores the terminal on SIGTERM and exits 143', async () => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    s.kill('SIGTERM');
    expect(await s.exit()).toBe(143);
    expect([s.inAlternateScreen, s.cursorVisible]).toEqual([false, true]);
  });

  it('survives resizing from 160×50 to 50×15 and back', async () => {
    const s = start({ args: ['3'], columns: 160, rows: 50 });
    await s.waitFor('EXPLORE');
    s.resize(50, 15);
    await s.waitFor('terminal too small (needs 60×18)');
    s.resize(80, 24);
    await s.waitFor((screen) => screen.includes('EXPLORE') && !screen.includes('too small'));
    s.resize(160, 50);
    const screen = await s.waitFor((text) => text.includes('EXPLORE') && text.includes('haproxy-2'));
    expect(screen.split('\n').filter((l) => l.includes('EXPLORE'))).toHaveLength(1);
    await s.press('q');
    expect(await s.exit()).toBe(0);
  });

  it('draws every frame as one synchronized update, repaints after a resize included', async () => {
    const s = start({ args: ['1'], columns: 80, rows: 24 });
    await s.waitFor('EXPLORE');
    await s.command('send GET /', /hop 1 of/);
    await s.press(' ', ' ', 'b');
    s.resize(100, 30);
    await s.settled();
    const [before = '', ...frames] = s.output.split('\x1b[?2026h');
    // Before the first frame only the switch to the alternate screen; after each frame nothing.
    expect(before).toBe('\x1b[?1049h\x1b[H');
    expect(frames.length).toBeGreaterThan(4);
    for (const frame of frames) expect(frame.split('\x1b[?2026l')).toEqual([expect.any(String), '']);
  });

  it('writes no colour under NO_COLOR and only ASCII under --ascii', async () => {
    const s = start({ args: ['2', '--ascii'], env: { NO_COLOR: '1' } });
    await s.waitFor('EXPLORE');
    await s.press('s');
    await s.waitFor('Send a request');
    await s.press(ENTER);
    const screen = await s.waitFor('hop 1 of');
    expect(screen).toMatch(/^[ -~\n]*$/);
    // eslint-disable-next-line no-control-regex
    expect(s.output).not.toMatch(/\x1b\[(?:3[0-7]|9[0-7]|38;)/);
  });
});

describe('without a terminal', () => {
  it('prints the plain diagram for a topology and exits 0', () => {
    const result = spawnSync(process.execPath, [CLI, '1'], { encoding: 'utf8', env: { ...process.env, CI: undefined } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('haproxy-1');
    expect(result.stdout).not.toContain('\x1b');
  });

  it('explains in one line that the home screen needs a terminal, exit 2', () => {
    const result = spawnSync(process.execPath, [CLI], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('needs a terminal');
  });
});
