import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedTopology, generatedYaml } from '../../bench/generate-topology.js';
import { analyzeSpof } from '../../source/sim/index.js';

const cli = resolve(import.meta.dirname, '../../dist/cli.js');

describe('spof shared with a second core', () => {
  it('gives exactly the rows of the analysis on one thread, in file order', () => {
    // About 520 failures: enough for the built CLI to share them with a worker thread.
    const file = join(mkdtempSync(join(tmpdir(), 'infra-tui-spof-shared-')), 'tiered-400.yaml');
    writeFileSync(file, generatedYaml('tiered', 400));
    const r = spawnSync(process.execPath, [cli, 'spof', file, '--json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as unknown[];
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(rows).toEqual(analyzeSpof(generatedTopology('tiered', 400)));
  }, 60_000);
});
