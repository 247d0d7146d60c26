import { afterEach, describe, expect, it } from 'vitest';
import { limits } from '../../source/grammar/limits.js';
import { simulateCommand } from '../../source/commands/simulate.js';
import { traceCommand } from '../../source/commands/trace.js';
import { startProgress, type ProgressHost } from '../../source/commands/progress.js';
import { UsageError } from '../../source/commands/context.js';
import { fakeIo, noFlags, runCommand } from './fake-io.js';

/** A process as the progress bar sees it, with a clock the test moves. */
function fakeHost(isTTY: boolean) {
  let now = 0;
  const written: string[] = [];
  const listeners = new Map<string, () => void>();
  const host: ProgressHost = {
    stderr: { isTTY, columns: 100, write: (t: string) => written.push(t) },
    on: (s, l) => listeners.set(s, l),
    off: (s) => listeners.delete(s),
    now: () => now,
  };
  return { host, written, listeners, advance: (ms: number) => (now += ms) };
}

describe('the progress bar', () => {
  it('shows nothing for the first second, then a bar on one line that done clears', () => {
    const { host, written, listeners, advance } = fakeHost(true);
    const progress = startProgress(host, 'simulating');
    progress.update(0.2);
    expect(written).toEqual([]);
    advance(1500);
    progress.update(0.5);
    // eslint-disable-next-line no-control-regex -- the bar ends by erasing the rest of its line
    expect(written.at(-1)).toMatch(/^\rsimulating \[#+\.+\] 50 % 2 s \(Ctrl-C stops\)\x1b\[K$/);
    expect([...listeners.keys()].sort()).toEqual(['SIGINT', 'SIGTERM']);
    progress.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
    expect(listeners.size).toBe(0);
  });

  it('on Ctrl-C or SIGTERM: the line is cleared and the work told to stop with 128 + the signal', () => {
    const { host, written, listeners, advance } = fakeHost(true);
    const progress = startProgress(host, 'simulating');
    advance(2000);
    progress.update(0.1);
    listeners.get('SIGTERM')?.();
    expect(progress.cancelled()).toBe(143);
    expect(written.at(-1)).toBe('\r\x1b[K');
    progress.update(0.3);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('draws nothing and hears no signal when stderr is not a terminal', () => {
    const { host, written, listeners, advance } = fakeHost(false);
    const progress = startProgress(host, 'simulating');
    advance(5000);
    progress.update(0.9);
    progress.done();
    expect(written).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});

describe('limits on work, not only on values', () => {
  it('simulate refuses a run over the work limit and says the longest this topology allows', async () => {
    const { io } = fakeIo();
    const refused = simulateCommand({ args: ['4'], flags: { ...noFlags, qps: '100000', duration: '24h' }, io });
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(/^--duration 24h: too much work for 30 components \([\d,]+ units, ticks × components; a run may do 8,000,000\): at most 5h 51m here$/);
  });

  it('a run within the limit on a smaller design is accepted: the limit is work, not time', async () => {
    const { io } = fakeIo();
    await expect(simulateCommand({ args: ['4'], flags: { ...noFlags, duration: '6h' }, io })).rejects.toThrow(UsageError);
    const small = await runCommand(simulateCommand, ['0'], { duration: '10s', json: true });
    expect(small.code).toBe(0);
    expect(JSON.parse(small.out)).toMatchObject({ durationMs: 10_000 });
  });

  describe('trace --count', () => {
    const saved = limits.traceHops;
    afterEach(() => {
      (limits as { traceHops: number }).traceHops = saved;
    });

    it('is refused when its requests × hops exceed the hops a trace may print', async () => {
      (limits as { traceHops: number }).traceHops = 100;
      await expect(runCommand(traceCommand, ['4'], { count: '20' })).rejects.toThrow(/^--count 20: 20 requests of \d+ hops each is more than the 100 hops a trace may print: at most \d here$/);
      expect((await runCommand(traceCommand, ['4'], { count: '5' })).code).toBe(0);
    });
  });
});
