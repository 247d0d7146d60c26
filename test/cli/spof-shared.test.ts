import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedTopology, generatedYaml } from '../../bench/generate-topology.js';
import { sharedSpof } from '../../source/commands/spof-worker.js';
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

  it.runIf(availableParallelism() >= 2)('keeps the rows of a worker that ended before the main thread finished its share', async () => {
    // A worker that takes no failure, says it is done and ends at once: the main thread does them all.
    const folder = mkdtempSync(join(tmpdir(), 'infra-tui-spof-early-'));
    const ended = join(folder, 'ended');
    const entry = join(folder, 'worker.js');
    writeFileSync(entry, `import { parentPort } from 'node:worker_threads'; import { writeFileSync } from 'node:fs'; parentPort.postMessage({ end: true }); writeFileSync(${JSON.stringify(ended)}, '');`);
    const topology = generatedTopology('tiered', 40);
    const shared = sharedSpof(entry, topology, 1);
    if (!shared) throw new Error('expected a worker on two cores');
    for (let i = 0; i < 250 && !existsSync(ended); i++) await new Promise((r) => setTimeout(r, 20));
    // Let the worker's end reach this thread before the main thread's share is done.
    await new Promise((r) => setTimeout(r, 200));
    while (shared.step());
    await expect(shared.finished).resolves.toEqual(analyzeSpof(topology));
    shared.stop();
  });
});
