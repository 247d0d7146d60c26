/**
 * Big topologies, through the path a user takes: a generated topology FILE (tiered, wide, deep;
 * 300 and 1,000 components, bench/generate-topology.ts) read by the CLI or the app.
 * - layout + render in the app's own fit-to-screen path at 120×40 (target ≤ 100 ms at 300), in
 *   process, after loading the file; baseline: the same for design 4;
 * - `print` of 1,000 components (target ≤ 1 s) and `spof` (target ≤ 2 s at 1,000), the built CLI
 *   on the file; baseline: `infra-tui list`, the CLI's own start-up;
 * - the app's first frame from the file at 120×40 (target ≤ 1 s at 300); baseline: bare Ink;
 * - design 4 laid out again on a resize, each time to a size not seen before (the app's path).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutTopology, renderDiagram } from '../source/layout/index.js';
import { loadBuiltin } from '../source/model/load-builtins.js';
import { loadTopology } from '../source/model/load-topology.js';
import type { Topology } from '../source/model/types.js';
import { planScreen } from '../source/ui/view/screen-plan.js';
import { generatedYaml, type Shape } from './generate-topology.js';
import { timeMedian, type BenchCase, type BenchSuite } from './harness.js';
import { CLI, HELLO, launch, median } from './pty.js';

const folder = mkdtempSync(join(tmpdir(), 'infra-tui-bench-'));
const fileOf = (shape: Shape, size: number) => {
  const file = join(folder, `${shape}-${size}.yaml`);
  writeFileSync(file, generatedYaml(shape, size));
  return file;
};

/** The app's diagram at columns × rows: its fit-to-screen plan, then the drawing. */
function appDiagram(topology: Topology, columns: number, rows: number) {
  const plan = planScreen(columns, rows, (width, height, legend) => layoutTopology(topology, { width, height, ascii: false, legend }));
  return renderDiagram(plan.layout, {}, { ascii: false });
}

function layoutCase(shape: Shape, size: number, target?: number): BenchCase {
  return {
    name: `layout + render, ${shape} ${size}, app at 120x40`,
    run: async () => {
      const topology = await loadTopology(fileOf(shape, size), process.cwd());
      const design4 = loadBuiltin('4');
      // A fresh copy each time: nothing is remembered from one run to the next.
      const value = timeMedian(() => appDiagram({ ...topology }, 120, 40), 5, 1);
      const baseline = timeMedian(() => appDiagram({ ...design4 }, 120, 40), 5, 1);
      return { value, unit: 'ms', ...(target ? { target } : {}), baseline: { value: baseline, what: 'design 4' }, detail: `${topology.components.length} components` };
    },
  };
}

/** Wall time of the built CLI with `args`, median of `runs`, interleaved with its baseline. */
function cliCase(name: string, args: (file: string) => string[], shape: Shape, size: number, target: number, runs = 3): BenchCase {
  return {
    name,
    run: () => {
      const file = fileOf(shape, size);
      const time = (argv: string[]) => {
        const start = performance.now();
        const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
        if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr.split('\n')[0]}`);
        return performance.now() - start;
      };
      const value: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < runs; i++) {
        base.push(time(['list']));
        value.push(time(args(file)));
      }
      return { value: median(value), unit: 'ms', target, baseline: { value: median(base), what: 'infra-tui list' }, detail: `median of ${runs}` };
    },
  };
}

function appCase(shape: Shape, size: number, target: number): BenchCase {
  return {
    name: `app first frame from the file, ${shape} ${size}, 120x40`,
    run: async () => {
      const file = fileOf(shape, size);
      const app: number[] = [];
      const hello: number[] = [];
      for (let i = 0; i < 3; i++) {
        hello.push(await launch(HELLO, [], 'hello', 120, 40));
        app.push(await launch(CLI, [file], 'q quit', 120, 40, 60_000));
      }
      return { value: median(app), unit: 'ms', target, baseline: { value: median(hello), what: 'bare Ink hello' }, detail: 'median of 3' };
    },
  };
}

/** Sizes a user dragging a window passes through. */
const resizes = Array.from({ length: 12 }, (_, i) => [80 + 7 * i, 24 + 2 * i] as const);

const resizeCase: BenchCase = {
  name: 'design 4 laid out again on a resize (new size)',
  run: () => {
    const samples = resizes.map(([c, r]) => {
      const start = performance.now();
      appDiagram(loadBuiltin('4'), c, r);
      return performance.now() - start;
    });
    const first = (() => {
      const start = performance.now();
      appDiagram({ ...loadBuiltin('4') }, 100, 30);
      return performance.now() - start;
    })();
    return { value: median(samples), unit: 'ms', target: 50, baseline: { value: first, what: 'first layout of the design' }, detail: `median of ${resizes.length} sizes from 80x24 to 157x46, max ${Math.max(...samples).toFixed(0)} ms` };
  },
};

const suite: BenchSuite = {
  name: 'scale: generated topologies through the user path',
  cases: [
    layoutCase('tiered', 300, 100),
    layoutCase('wide', 300, 100),
    layoutCase('deep', 300, 100),
    layoutCase('tiered', 1000),
    cliCase('print, tiered 1000 (file, 160 columns)', (f) => ['print', f, '--width', '160'], 'tiered', 1000, 1000),
    cliCase('spof, tiered 300 (file)', (f) => ['spof', f], 'tiered', 300, 2000),
    cliCase('spof, tiered 1000 (file)', (f) => ['spof', f], 'tiered', 1000, 2000),
    appCase('tiered', 300, 1000),
    appCase('tiered', 1000, 1000),
    resizeCase,
  ],
};

export default suite;
