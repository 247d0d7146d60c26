import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, type Flags } from '../../../source/commands/context.js';
import { simulateCommand } from '../../../source/commands/simulate.js';
import { fakeIo, noFlags } from '../../cli/fake-io.js';
import { expectGolden } from '../../golden.js';

const root = resolve(import.meta.dirname, '../../fixtures/simulate');

interface Case {
  topology: string;
  qps?: number;
  duration?: string;
  mix?: string;
  at?: string[];
  seed?: number;
  json?: boolean;
  ascii?: boolean;
}

async function simulate(c: Case): Promise<string> {
  const { io, stdout } = fakeIo();
  const flags: Flags = { ...noFlags, qps: c.qps === undefined ? undefined : String(c.qps), duration: c.duration, mix: c.mix, at: c.at ?? [], seed: c.seed, json: c.json ?? false, ascii: c.ascii ?? false };
  expect(await simulateCommand({ args: [c.topology], flags, io })).toBe(0);
  return stdout();
}

describe('simulate (golden outputs)', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const c = JSON.parse(readFileSync(join(root, name, 'options.json'), 'utf8')) as Case;
      const out = await simulate(c);
      expectGolden(join(root, name, 'expected.txt'), out);
    });
  }
});

describe('simulate', () => {
  it('is deterministic: same seed and actions, same summary', async () => {
    const c = { topology: '1', qps: 80, duration: '12s', at: ['2s fail server-1', '9s heal all'], json: true, seed: 3 };
    const first = await simulate(c);
    expect(first).toBe(await simulate(c));
    // The summary is the run's, not a constant: 80 QPS for 12 s, and the seed decides the rest.
    expect((JSON.parse(first) as { sent: number }).sent).toBe(960);
    expect(await simulate({ ...c, seed: 4 })).not.toBe(first);
  });

  it('never keeps a request longer than the proxy in front waits: a hung database gives 504s at Nginx\'s 60 s', async () => {
    const json = JSON.parse(await simulate({ topology: '0', qps: 1, duration: '60s', at: ['10s fail mysql-1:hang'], json: true })) as { latency: { maxMs: number }; byOutcome: Record<string, number> };
    expect(json.byOutcome['504']).toBeGreaterThan(0);
    // Nginx's proxy_read_timeout (60 s) plus the few ms on the way there; it was 90 s (30 s answer + 60 s queued).
    expect(json.latency.maxMs).toBeLessThanOrEqual(60_100);
  });

  it('prints the documented JSON fields', async () => {
    const json = JSON.parse(await simulate({ topology: '0', qps: 50, duration: '20s', at: ['5s deploy'], json: true })) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['sent', 'ok', 'failed', 'byOutcome', 'deploys', 'components', 'timeline', 'detections', 'bottleneck', 'latency']));
    expect(json['sent']).toBe(1000);
    expect((json['deploys'] as { failed: number }[])[0]?.failed).toBeGreaterThan(0);
    expect(json['components']).toHaveProperty(['app-1', 'peakUtilization']);
  });

  it.each([
    [{ at: ['5s fail nginx-9'] }, /^--at "5s fail nginx-9": no component or host "nginx-9" in distributed \(did you mean "nginx-1"\?\)$/],
    [{ at: ['soon deploy'] }, /"soon" is not a duration: write a number and a unit/],
    [{ at: ['5s dance'] }, /"dance" is not an action: write "<time> <action>"/],
    [{ at: ['5s hang nginx-1'] }, /nginx-1 cannot hang: only an app server or a database can/],
    [{ at: ['90s deploy'] }, /the run ends at 1m \(--duration\)/],
    [{ at: ['25h deploy'] }, /25h is too long: at most 24h/],
    [{ mix: '1:2' }, /^--mix: "1:2" is not a mix: write static:read:write shares/],
    [{ duration: '10' }, /^--duration: "10" is not a duration: a bare number needs a unit \(10s\?\)/],
    [{ duration: '25h' }, /^--duration: 25h is too long: at most 24h$/],
    [{ qps: -1 }, /^--qps: "-1" is not a rate: write requests per second from 0 to 100000/],
    [{ qps: 100_001 }, /^--qps: "100001" is not a rate/],
  ])('rejects %o with a usage error', async (bad, message) => {
    await expect(simulate({ topology: '1', ...bad })).rejects.toThrow(UsageError);
    await expect(simulate({ topology: '1', ...bad })).rejects.toThrow(message);
  });
});
