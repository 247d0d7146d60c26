/**
 * Memory and installation, as a user meets them:
 * - the app's resident memory idle (design 1 at 120×40, 5 s after its first frame), and after
 *   wall-clock traffic at 1× (5 minutes; `BENCH_TRAFFIC_SECONDS=60 npm run bench memory` for a
 *   shorter run while developing): target ≤ 100 MB, and flat (the second half of the run grows
 *   it by at most 5 MB);
 * - `npx` of the packed tarball into an empty npm cache and an empty folder, to the output of
 *   `infra-tui list`; baseline: `node dist/cli.js list`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult, BenchSuite } from './harness.js';
import { CLI, median, pause, rssOf, spawn, until } from './pty.js';

const seconds = Number(process.env['BENCH_TRAFFIC_SECONDS'] ?? 300);

interface Run {
  readonly idle: number;
  /** RSS every 10 s of traffic. */
  readonly samples: readonly number[];
}

let run: Promise<Run> | undefined;

/** One app session measured once for both cases. */
function session(): Promise<Run> {
  run ??= (async () => {
    const child = spawn(CLI, ['1'], 120, 40);
    await until(child, 'quit');
    await pause(5000);
    const idle = rssOf(child);
    child.term.write('T');
    await until(child, 'TRAFFIC');
    const samples: number[] = [];
    for (let t = 0; t < seconds; t += 10) {
      await pause(10_000);
      samples.push(rssOf(child));
    }
    child.term.kill();
    return { idle, samples };
  })();
  return run;
}

const perMinute = (samples: readonly number[]) => samples.filter((_, i) => i % 6 === 5 || i === samples.length - 1).map((s) => s.toFixed(0));

const idleCase: BenchCase = {
  name: 'RSS idle (design 1, 120x40)',
  run: async (): Promise<BenchResult> => ({ value: (await session()).idle, unit: 'MB', target: 100 }),
};

const trafficCase: BenchCase = {
  name: `RSS after ${seconds} s of traffic at 1x (design 1)`,
  run: async (): Promise<BenchResult> => {
    const { idle, samples } = await session();
    const last = samples.at(-1) ?? 0;
    return { value: last, unit: 'MB', target: 100, baseline: { value: idle, what: 'idle' }, detail: `each minute: ${perMinute(samples).join(', ')} MB` };
  },
};

const flatCase: BenchCase = {
  name: 'RSS growth over the second half of the traffic run',
  run: async (): Promise<BenchResult> => {
    const { samples } = await session();
    const half = samples.slice(Math.floor(samples.length / 2));
    const growth = (half.at(-1) ?? 0) - Math.min(...half);
    return { value: growth, unit: 'MB', target: 5, detail: `lowest ${Math.min(...half).toFixed(0)} MB, last ${(half.at(-1) ?? 0).toFixed(0)} MB, highest ${Math.max(...half).toFixed(0)} MB` };
  },
};

const npxCase: BenchCase = {
  name: 'npx cold start from the packed tarball (empty cache)',
  run: (): BenchResult => {
    const work = mkdtempSync(join(tmpdir(), 'infra-tui-npx-'));
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { encoding: 'utf8' });
    const [info] = JSON.parse(out) as { filename: string }[];
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      const empty = mkdtempSync(join(work, 'empty-'));
      const start = performance.now();
      const r = spawnSync('npx', ['--yes', `../${info?.filename ?? ''}`, 'list'], {
        cwd: empty,
        encoding: 'utf8',
        env: { ...process.env, npm_config_cache: join(empty, 'cache'), npm_config_update_notifier: 'false' },
      });
      if (r.status !== 0) throw new Error(`npx: ${r.stderr.split('\n')[0]}`);
      cold.push(performance.now() - start);
      const again = performance.now();
      spawnSync(process.execPath, [CLI, 'list']);
      warm.push(performance.now() - again);
    }
    return { value: median(cold), unit: 'ms', baseline: { value: median(warm), what: 'node dist/cli.js list' }, detail: 'median of 3, each into a new empty cache and folder' };
  },
};

const suite: BenchSuite = {
  name: 'memory and install',
  cases: [idleCase, trafficCase, flatCase, npxCase],
};

export default suite;
