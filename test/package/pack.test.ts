import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The published package must run from an empty folder with nothing but its tarball:
// the bundled files (dist/cli.js and the chunks it loads), the built-in topologies, and no
// runtime dependencies to fetch.
describe('npm pack', () => {
  const root = resolve(import.meta.dirname, '../..');
  const work = mkdtempSync(join(tmpdir(), 'infra-tui-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('produces a tarball that runs with npx from an empty folder', () => {
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    expect(info).toBeDefined();
    const paths = info!.files.map((f) => f.path);
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('topologies/1-distributed.yaml');
    expect(paths.filter((p) => p.startsWith('source/'))).toEqual([]);
    // Only the program: no bench bundles that happen to be in dist/.
    expect(paths.filter((p) => p.startsWith('dist/') && p !== 'dist/cli.js' && !/^dist\/chunks\/[\w-]+\.js$/.test(p))).toEqual([]);

    const empty = mkdtempSync(join(work, 'empty-'));
    const run = spawnSync('npx', ['--yes', `../${info!.filename}`, 'list'], {
      cwd: empty,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: join(work, 'cache'), npm_config_update_notifier: 'false' },
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/Error|at .*\(/);
    expect(run.status).toBe(0);
    for (const id of ['simple', 'distributed', 'secured', 'scaled', 'high-availability']) expect(run.stdout).toContain(id);
  }, 90_000);

  it('declares no runtime dependencies', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as Record<string, unknown>;
    expect(pkg['dependencies']).toBeUndefined();
    expect(pkg['bin']).toEqual({ 'infra-tui': 'dist/cli.js' });
  });
});
