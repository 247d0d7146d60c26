import { describe, expect, it } from 'vitest';
import { SshScreen, type LoginOptions } from './ssh-screen.js';
import { testServers } from './test-server.js';

const { start, track } = testServers();
const presenterAuth = { mode: 'none' as const, keys: [], presenter: true, presenterKey: undefined, code: () => '424242', codeUsed: () => undefined };
const login = async (port: number, options: LoginOptions = {}) => track(await SshScreen.login(port, options));
/** The sizes of a class's terminals. */
const sizes = [
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
  { columns: 120, rows: 40 },
] as const;
const lastRow = (screen: string) => screen.split('\n').at(-1) ?? '';

describe('a presenter and the class following', () => {
  it('shows 20 followers what the presenter does, each at its own size, rendered once per size', async () => {
    const { port, server } = await start({ auth: presenterAuth });
    const followers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(port, sizes[i % sizes.length])));
    await Promise.all(followers.map((f) => f.waitFor((s) => lastRow(s).startsWith('no presenter now'))));
    const presenter = await login(port, { user: 'presenter', answer: '424242' });
    await presenter.waitFor((s) => lastRow(s).startsWith('presenting to 20 following'));
    await Promise.all(followers.map((f) => f.waitFor((s) => lastRow(s).startsWith('following the presenter'))));
    await presenter.press('1');
    await presenter.waitFor('Distributed web infrastructure');
    await presenter.press(':', ...'fail server-1', '\r');
    const seen = await presenter.waitFor('server-1 is down');
    expect(seen).toContain('server-1 is down');
    await Promise.all(followers.map((f) => f.waitFor((s) => s.includes('Distributed web infrastructure') && s.includes('server-1 is down'))));
    // Each at its own size: the footer's last frame row is its terminal's rows − 1.
    for (const f of followers) {
      const rows = (await f.quiet()).split('\n');
      expect(rows.length).toBe(f.terminal.rows);
      expect(rows.at(-2)).toMatch(/send/);
    }
    expect(server.classroom.renders()).toBe(sizes.length);
  }, 60_000);

  it('lets a late joiner catch up at once, a follower explore and come back, and shows what the presenter points at', async () => {
    const { port } = await start({ auth: presenterAuth });
    const presenter = await login(port, { user: 'presenter', answer: '424242' });
    await presenter.press('1');
    await presenter.waitFor('Distributed web infrastructure');
    await presenter.press(':', ...'fail server-1', '\r');
    await presenter.waitFor('server-1 is down');
    const late = await login(port, { columns: 90, rows: 28 });
    await late.waitFor((s) => s.includes('server-1 is down') && lastRow(s).startsWith('following the presenter'));
    await presenter.press('@');
    await late.waitFor((s) => lastRow(s).includes('look at haproxy-1'));
    await presenter.waitFor((s) => lastRow(s).includes('pointing at haproxy-1'));
    // x: on its own, from where the lesson stands; the presenter goes on without it.
    await late.press('x');
    await late.waitFor((s) => lastRow(s).startsWith('exploring on your own'));
    await late.press('2');
    await late.waitFor('Secured');
    await presenter.press(':', ...'heal server-1', '\r');
    await presenter.waitFor('server-1 is back up');
    await late.press('\x06');
    await late.waitFor((s) => s.includes('server-1 is back up') && lastRow(s).startsWith('following the presenter'));
  }, 40_000);

  it('refuses a wrong presenter code, and lets the followers explore once the presenter leaves', async () => {
    const { port } = await start({ auth: presenterAuth });
    await expect(SshScreen.login(port, { user: 'presenter', answer: '000000' })).rejects.toThrow(/authentication/i);
    const follower = await login(port);
    const presenter = await login(port, { user: 'presenter', answer: '424242' });
    await follower.waitFor((s) => lastRow(s).startsWith('following the presenter'));
    await presenter.press('3');
    await follower.waitFor('Scaled-up web infrastructure');
    await presenter.press('q');
    await presenter.closed;
    await follower.waitFor((s) => lastRow(s).startsWith('no presenter now'));
    await follower.press('T');
    await follower.waitFor('TRAFFIC');
  }, 30_000);
});
