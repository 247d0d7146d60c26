import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/fuzz.js', import.meta.url));

describe('npm run fuzz, a short run', () => {
  // Unpaced, as `npm run fuzz` runs: keys are typed faster than the app reads them, so many
  // arrive several to a read, escape sequences among them, and must act as if read one by one.
  it('random keys, command lines and resizes on the built app: no crash, no hang, the screen of a fresh launch, the terminal restored on every way out', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [script, '--keys', '400', '--segment', '200', '--seed', '4', '--json'], { timeout: 240_000, maxBuffer: 1 << 24 }, (error, stdout) => (error && !stdout ? reject(error) : resolve(stdout))),
    );
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ crashes: 0, hangs: 0, mismatches: 0, unrestored: 0 });
    expect(report['resizes']).toBeGreaterThan(0);
    expect(report['keys']).toBeGreaterThanOrEqual(400);
    expect(report['comparisons']).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
