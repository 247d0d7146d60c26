// `npm run bench`: bundles every bench/*.bench.ts with the runner and executes it.
// Each suite prints its figures with targets and the ratio to a baseline measured in the same run.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const suites = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort();
const imports = suites.map((f, i) => `import s${i} from './${f}';`).join('\n');
const list = suites.map((_, i) => `s${i}`).join(', ');
await build({
  stdin: {
    contents: `${imports}\nimport { runSuites } from './runner.ts';\nawait runSuites([${list}]);\n`,
    resolveDir: 'bench',
    loader: 'ts',
  },
  outfile: 'dist/bench.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': './scripts/devtools-stub.js' },
  external: ['@lydell/node-pty', '@xterm/headless'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', 'dist/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
