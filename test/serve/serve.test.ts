import { describe, expect, it } from 'vitest';
import { SshScreen } from './ssh-screen.js';
import { testServers } from './test-server.js';

const { start, track } = testServers();
const login = async (port: number, options: Parameters<typeof SshScreen.login>[1] = {}) => track(await SshScreen.login(port, options));

describe('infra-tui serve, one session', () => {
  it('gives a login with a terminal the home screen, sized to it, and logs the connect', async () => {
    const { port, log } = await start();
    const s = await login(port, { columns: 90, rows: 26 });
    const screen = await s.waitFor('Pick a design');
    expect(screen).toContain('1  distributed');
    expect(s.terminal.buffer.active.type).toBe('alternate');
    // Lines end in \r\n on the wire: the client's pty is raw, nothing adds the carriage return.
    expect(s.raw).not.toMatch(/[^\r]\n/);
    expect(log.some((l) => /^connect #\d+ 127\.0\.0\.1:\d+$/.test(l))).toBe(true);
    expect(log.some((l) => /^session #\d+ student 90x26 xterm-256color$/.test(l))).toBe(true);
  });

  it('opens a design, follows window changes and quits with q, logging why', async () => {
    const { port, log } = await start();
    const s = await login(port, { columns: 100, rows: 30 });
    await s.waitFor('Pick a design');
    await s.press('1');
    await s.waitFor('Distributed web infrastructure');
    s.resize(70, 20);
    // The frame is redrawn for 70×20: the footer's key hints on its last row (19 of 20), the bottom row free.
    const rowsOf = (screen: string) => screen.split('\n');
    await s.waitFor((screen) => rowsOf(screen)[18]?.startsWith('s send') === true && rowsOf(screen)[19] === '' && !screen.includes('let time pass. T starts live traffic.\n'));
    await s.press('q');
    await s.closed;
    await s.quiet();
    expect(s.terminal.buffer.active.type).toBe('normal');
    await expect.poll(() => log.find((l) => l.startsWith('disconnect'))).toMatch(/after .*: quit$/);
  });

  it('clamps a 0x0 terminal instead of breaking', async () => {
    const { port } = await start();
    const s = await login(port, { columns: 0, rows: 0 });
    await s.quiet();
    s.resize(100, 30);
    await s.waitFor('Pick a design');
  });

  it('touches no file: a path typed at :goto is not read, :export writes nothing', async () => {
    const { port } = await start();
    const s = await login(port);
    await s.waitFor('Only the built-in designs open here');
    await s.press(':', ...'goto /etc/passwd', '\r');
    await s.waitFor('a classroom session opens only the built-in designs');
    await s.press('1');
    await s.waitFor('Distributed web infrastructure');
    await s.press(':', ...'export markdown', '\r');
    await s.waitFor('export is switched off in this session');
  });

  it('holds 50 concurrent sessions, each on its own design', async () => {
    const { port, server } = await start();
    const titles = ['Simple web stack', 'Distributed web infrastructure', 'Secured and monitored web infrastructure', 'Scaled-up web infrastructure', 'High-availability web infrastructure'];
    const sessions = await Promise.all(Array.from({ length: 50 }, (_, i) => login(port, { columns: 90 + (i % 4) * 10, rows: 26 + (i % 3) * 4 })));
    expect(server.sessions()).toBe(50);
    await Promise.all(sessions.map((s) => s.waitFor('Pick a design', 30_000)));
    await Promise.all(sessions.map((s, i) => s.press(String(i % 5))));
    await Promise.all(sessions.map((s, i) => s.waitFor(titles[i % 5] ?? '', 30_000)));
  }, 90_000);

  it('closes only the session whose client dies mid-frame', async () => {
    const { port, log } = await start();
    const [victim, other] = [await login(port), await login(port)];
    for (const s of [victim, other]) {
      await s.waitFor('Pick a design');
      await s.press('1');
      await s.waitFor('Distributed web infrastructure');
      await s.press('T');
      await s.waitFor('TRAFFIC');
    }
    // Frames stream to both (traffic redraws ~12 times a second): cut one off in the middle of it.
    const before = victim.raw.length;
    await expect.poll(() => victim.raw.length > before + 1000).toBe(true);
    victim?.kill();
    await expect.poll(() => log.filter((l) => l.startsWith('disconnect')).length).toBe(1);
    const streamed = other.raw.length;
    await expect.poll(() => other.raw.length > streamed + 1000).toBe(true);
    await other.press('q');
    await other.closed;
  }, 30_000);
});
