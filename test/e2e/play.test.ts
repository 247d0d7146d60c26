import { describe, expect, it } from 'vitest';
import { ptySessions, type PtySession } from './pty-session.js';

const ENTER = '\r';
const start = ptySessions({ args: ['1'], columns: 80, rows: 24, env: { NO_COLOR: '1' } });

/** The request's position as the header shows it: hop and total. */
function position(screen: string): { hop: number; total: number } | undefined {
  const m = /STEP (\d+)\/(\d+)/.exec(screen.split('\n')[0] ?? '');
  return m ? { hop: Number(m[1]), total: Number(m[2]) } : undefined;
}

async function sendGet(s: PtySession): Promise<void> {
  await s.press('s');
  await s.waitFor('Send a request');
  await s.press(ENTER);
  await s.waitFor(/STEP 1\/\d+/);
}

describe('playing a request like a presenter', () => {
  it('plays on its own at 4× up to the response, with the clock moving, and stops there', async () => {
    const s = start();
    await s.waitFor('EXPLORE');
    await sendGet(s);
    await s.press('>', '>');
    await s.waitFor('play speed 4×');
    const began = Date.now();
    await s.press('p');
    const playing = await s.waitFor(/STEP \d+\/\d+ PLAY 4×/);
    const total = position(playing)?.total ?? 0;
    const clockAt = (screen: string) => /t=([\d.]+)s/.exec(screen.split('\n')[0] ?? '')?.[1];
    // The whole last frame, not only its header: a frame may reach the terminal in more than one read.
    const stopped = (screen: string) => position(screen)?.hop === total && !screen.split('\n')[0]?.includes('PLAY');
    const done = await s.waitFor((screen) => stopped(screen) && screen.includes('the response is back'), 10_000);
    const took = Date.now() - began;
    // 4 hops a second: (total - 1) hops after the first, give or take a frame.
    expect(took).toBeGreaterThan(((total - 1) / 4) * 1000 - 300);
    expect(took).toBeLessThan(((total - 1) / 4) * 1000 + 5000);
    expect(done).toMatch(/→ 200 /);
    expect(done).toContain('the response is back');
    expect(Number(clockAt(done))).toBeGreaterThan(Number(clockAt(playing)));
  });

  it('stops where it is on pause, and plays on from there', async () => {
    const s = start();
    await s.waitFor('EXPLORE');
    await sendGet(s);
    await s.press('>', '>', 'p');
    await s.waitFor((screen) => (position(screen)?.hop ?? 0) >= 3);
    await s.press('p');
    const paused = await s.waitFor('paused: p plays on');
    const at = position(paused)?.hop;
    await new Promise((r) => setTimeout(r, 1500));
    expect(position(s.screen())?.hop).toBe(at);
    expect(s.screen().split('\n')[0]).not.toContain('PLAY');
    await s.press('p');
    await s.waitFor((screen) => (position(screen)?.hop ?? 0) > (at ?? 0));
  });
});
