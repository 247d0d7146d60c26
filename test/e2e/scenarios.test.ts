import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../source/commands/load-scenario.js';
import { ptySessions } from './pty-session.js';

const ENTER = '\r';
const session = ptySessions({ columns: 80, rows: 24, env: { NO_COLOR: '1' } });

describe('infra-tui play in a terminal', () => {
  it('steps through a built-in scenario with N and B, answers its question, and quits cleanly', async () => {
    const s = session({ args: ['play', '0-simple-one-server'] });
    await s.waitFor('Simple web stack');
    await s.press('N');
    await s.waitFor('A single server at 8.8.8.8');
    await s.press('N', 'N');
    await s.waitFor('How many machines');
    await s.press('1');
    await s.waitFor('Every part sits on server-1');
    await s.press('B');
    await s.waitFor((screen) => !screen.includes('How many machines'));
    await s.press('q');
    expect(await s.exit()).toBe(0);
  });
});

describe('infra-tui --record, then play', () => {
  it('saves what was done, and playing it at the same size ends on the same screen', { timeout: 60_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'infra-tui-rec-')), 'demo.yaml');
    const live = session({ args: ['1', '--record', file] });
    await live.waitFor('EXPLORE');
    await live.press('j', 'l', 's');
    await live.waitFor('Send a request');
    await live.press(ENTER);
    await live.waitFor(/STEP 1\/\d+/);
    await live.press(' ', ' ', 'i');
    await live.command('fail server-1', 'server-1');
    const last = await live.settled();
    await live.press('q');
    expect(await live.exit()).toBe(0);
    expect(existsSync(file)).toBe(true);
    const { scenario } = await loadScenario(file, '/');
    expect(scenario.size).toEqual({ columns: 80, rows: 24 });
    const replay = session({ args: ['play', file] });
    await replay.waitFor('EXPLORE');
    for (let i = 0; i < scenario.steps.length; i++) await replay.press('N');
    // The footer's message of the last step, then the whole screen once it stops changing.
    const message = last.split('\n').filter((row) => row.trim() !== '').at(-2) ?? '';
    await replay.waitFor((screen) => screen.includes(message), 20_000);
    expect(await replay.settled()).toBe(last);
    await replay.press('q');
    expect(await replay.exit()).toBe(0);
  });
});
