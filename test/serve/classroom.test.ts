import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../source/commands/load-scenario.js';
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

  it("tallies the followers' answers to the question on screen, for the presenter to see", async () => {
    const { port, server } = await start({ auth: presenterAuth });
    const followers = [await login(port), await login(port), await login(port)];
    const presenter = await login(port, { user: 'presenter', answer: '424242' });
    await presenter.waitFor((s) => lastRow(s).startsWith('presenting to 3 following'));
    // The presenter's app plays a built-in scenario up to its first question (as `infra-tui play` steps it).
    const { scenario, designs } = await loadScenario('1-distributed-spofs', process.cwd());
    const { lesson } = server.classroom;
    lesson.dispatch({ type: 'scenario-open', scenario, designs });
    while (!lesson.getState().scenario?.shown.ask) lesson.dispatch({ type: 'scenario-step', to: 'next' });
    await Promise.all(followers.map((f) => f.waitFor((s) => lastRow(s).includes('answer with 1-2'))));
    await presenter.waitFor((s) => lastRow(s).includes('answers 1:0 2:0 (0 of 3)'));
    const [a, b, c] = followers;
    await a?.press('1');
    await a?.press('2');
    await b?.press('2');
    await c?.press('1');
    await c?.press('9');
    await presenter.waitFor((s) => lastRow(s).includes('answers 1:1 2:2 (3 of 3)'));
    await a?.waitFor((s) => lastRow(s).includes('you answered 2 (1-2 changes it)'));
    // The next question starts a new count.
    const first = lesson.getState().scenario?.shown.ask?.question;
    for (let step = 0; step < 50 && [undefined, first].includes(lesson.getState().scenario?.shown.ask?.question); step++) lesson.dispatch({ type: 'scenario-step', to: 'next' });
    await presenter.waitFor((s) => lastRow(s).includes('answers 1:0 2:0 3:0 (0 of 3)'));
  }, 40_000);

  it("keeps the presenter's notes on the presenter's screen only", async () => {
    const { port, server } = await start({ auth: presenterAuth });
    const follower = await login(port, { columns: 100, rows: 30 });
    const presenter = await login(port, { user: 'presenter', answer: '424242', columns: 100, rows: 30 });
    await presenter.waitFor((s) => lastRow(s).startsWith('presenting to 1 following'));
    const { scenario, designs } = await loadScenario('1-distributed-spofs', process.cwd());
    const { lesson } = server.classroom;
    lesson.dispatch({ type: 'scenario-open', scenario, designs });
    while (!lesson.getState().scenario?.shown.note) lesson.dispatch({ type: 'scenario-step', to: 'next' });
    const note = `note: ${lesson.getState().scenario?.shown.note ?? ''}`.slice(0, 40);
    await presenter.waitFor((s) => s.includes(note));
    const step = `Scenario ${lesson.getState().scenario?.next}/`;
    const seen = await follower.waitFor((s) => s.includes(step));
    expect(seen).not.toContain('note: ');
  }, 40_000);
});
