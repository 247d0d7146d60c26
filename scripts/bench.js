// `npm run bench`: bundles every bench/*.bench.ts with the runner and executes it.
// Each suite prints its figures with targets and the ratio to a baseline measured in the same run.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { common, requireShim, withoutDevtools } from './bundle-options.js';
import { inkPatches } from './dependency-patches.js';

const suites = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort();
const imports = suites.map((f, i) => `import s${i} from './${f}';`).join('\n');
const list = suites.map((_, i) => `s${i}`).join(', ');
await build({
  ...common,
  stdin: {
    contents: `${imports}\nimport { runSuites } from './runner.ts';\nawait runSuites([${list}]);\n`,
    resolveDir: 'bench',
    loader: 'ts',
  },
  outfile: 'dist/bench.js',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: withoutDevtools,
  external: [...common.external, '@lydell/node-pty', '@xterm/headless'],
  banner: { js: requireShim },
});
// The ui suite's baseline: a bare Ink app bundled as the CLI is (scripts/build.js), Ink's patches
// included, so the launch ratio compares the app with Ink itself at its best.
await build({
  ...common,
  stdin: { contents: "import { render, Text } from 'ink';\nrender(<Text>hello</Text>);\n", resolveDir: '.', loader: 'tsx' },
  outfile: 'dist/ink-hello.js',
  minify: true,
  plugins: inkPatches,
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: withoutDevtools,
  banner: { js: requireShim },
});
const result = spawnSync(process.execPath, ['--expose-gc', 'dist/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
