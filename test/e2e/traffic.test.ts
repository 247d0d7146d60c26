import { describe, expect, it } from 'vitest';
import { ptySessions, type PtySession } from './pty-session.js';

const session = ptySessions({ env: { NO_COLOR: '1' } });
const start = (args: readonly string[]): PtySession => session({ args });

describe('live traffic in a terminal', () => {
  it('design 1 at 100 QPS: failing nginx-1 shows 503s until haproxy notices, then stops', async () => {
    const s = start(['1']);
    await s.waitFor('EXPLORE');
    await s.press('T');
    await s.waitFor('TRAFFIC 100 QPS 1×');
    await s.waitFor(/^now +200 \d+\/s/m);
    await s.command('fail nginx-1');
    const burst = await s.waitFor(/503 \d+\/s/);
    expect(burst).toContain('down: nginx-1');
    await s.command('speed 10x');
    const noticed = await s.waitFor(/noticed haproxy-1 marked nginx-1 DOWN [\d.]+ s after fail nginx-1/, 10_000);
    expect(noticed).toMatch(/nginx-1 \?DOWN/);
    await s.press('p');
    await s.waitFor('TRAFFIC 100 QPS PAUSED');
    await s.press('q');
    expect(await s.exit()).toBe(0);
  });

  it("design 0's monitoring view says there is no monitoring", async () => {
    const s = start(['0']);
    await s.waitFor('EXPLORE');
    await s.press('m');
    await s.waitFor('monitoring (m) works on live traffic: T (or :traffic on) enters traffic mode first');
    await s.press('T');
    await s.waitFor('TRAFFIC 100 QPS 1×');
    await s.press('m');
    await s.waitFor('No monitoring: no host runs an agent');
    await s.press('q');
    expect(await s.exit()).toBe(0);
  });
});
