import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/fuzz.js', import.meta.url));

describe('npm run fuzz, a short run', () => {
  // The fresh-launch comparison runs (and its mismatches are reported by `npm run fuzz`), but is
  // not asserted here: keys a loaded machine delivers in one read are not always acted on as the
  // same keys read one by one, so a mismatch in a short run under load is not yet a verdict.
  it('random keys, command lines and resizes on the built app: no crash, no hang, the terminal restored on every way out', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [script, '--keys', '400', '--segment', '200', '--seed', '3', '--json'], { timeout: 240_000, maxBuffer: 1 << 24 }, (error, stdout) => (error && !stdout ? reject(error) : resolve(stdout))),
    );
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ crashes: 0, hangs: 0, unrestored: 0 });
    expect(report['keys']).toBeGreaterThanOrEqual(400);
    expect(report['comparisons']).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
