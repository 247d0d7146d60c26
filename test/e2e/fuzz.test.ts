import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIN_COLUMNS, MIN_ROWS } from '../../source/ui/view/screen-plan.js';

const script = fileURLToPath(new URL('../../scripts/fuzz.js', import.meta.url));

/** Runs the fuzz script with `args`, resolving with what it printed. */
const fuzz = (args: readonly string[], timeout: number) =>
  new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [script, ...args], { timeout, maxBuffer: 1 << 26 }, (error, stdout) => (error && !stdout ? reject(error) : resolve(stdout))),
  );

interface PlannedSegment {
  readonly index: number;
  readonly comparable: boolean;
  readonly size: readonly [number, number];
  readonly keys: readonly { readonly key?: string; readonly resize?: readonly [number, number] }[];
}

describe('npm run fuzz, what it plays', () => {
  // Below the smallest usable size the app acts on few keys (by design), where a fresh launch at
  // the final size acts on all: a comparable segment that started or passed there would differ
  // from its fresh launch without anything being wrong.
  it.each([1, 4, 5])('a segment compared with a fresh launch is usable from its launch to its end (seed %i, 100,000 keys)', async (seed) => {
    const plan = JSON.parse(await fuzz(['--plan', '--keys', '100000', '--seed', String(seed)], 60_000)) as { usable: readonly number[]; segments: readonly PlannedSegment[] };
    expect(plan.usable).toEqual([MIN_COLUMNS, MIN_ROWS]);
    const comparable = plan.segments.filter((s) => s.comparable);
    expect(comparable.length).toBeGreaterThan(30);
    for (const segment of comparable) {
      const sizes = [segment.size, ...segment.keys.flatMap((k) => (k.resize ? [k.resize] : []))];
      for (const [columns, rows] of sizes) expect({ segment: segment.index, usable: columns >= MIN_COLUMNS && rows >= MIN_ROWS }).toEqual({ segment: segment.index, usable: true });
    }
    // The clocked segments still launch and pass below it, where the app must not break either.
    expect(plan.segments.some((s) => !s.comparable && s.size[1] < MIN_ROWS)).toBe(true);
  });
});

describe('npm run fuzz, a short run', () => {
  // Unpaced, as `npm run fuzz` runs: keys are typed faster than the app reads them, so many
  // arrive several to a read, escape sequences among them, and must act as if read one by one.
  it('random keys, command lines and resizes on the built app: no crash, no hang, the screen of a fresh launch, the terminal restored on every way out', async () => {
    const out = await fuzz(['--keys', '400', '--segment', '200', '--seed', '4', '--json'], 240_000);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ crashes: 0, hangs: 0, mismatches: 0, unrestored: 0 });
    expect(report['resizes']).toBeGreaterThan(0);
    expect(report['keys']).toBeGreaterThanOrEqual(400);
    expect(report['comparisons']).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
