// Bundles the CLI into ESM files with no runtime dependencies, so `npx infra-tui` starts fast:
// dist/cli.js and, in dist/chunks/, the code it loads on demand (see `split` below).
import { build } from 'esbuild';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { common, requireShim, withoutDevtools } from './bundle-options.js';
import { cliPatches } from './dependency-patches.js';

/** The registry of built-ins does without the parser in the bundle (see scripts/no-parser.js). */
const builtinsWithoutParser = {
  name: 'builtins-without-parser',
  setup(b) {
    const stub = fileURLToPath(new URL('./no-parser.js', import.meta.url));
    b.onResolve({ filter: /^\.\/parse-topology\.js$/ }, (args) => (args.importer.endsWith('load-builtins.ts') ? { path: stub } : undefined));
  },
};

// The built-in designs are parsed and validated here, once, with the same loader the CLI uses,
// and embedded as data: the CLI then starts without parsing YAML for them.
async function prebuiltTopologies() {
  const tmp = 'dist/.builtins.mjs';
  await build({
    ...common,
    stdin: {
      contents: "import { builtins, loadBuiltin } from './source/model/load-builtins.ts'; export default Object.fromEntries(builtins().map((b) => [b.id, loadBuiltin(b.id)]));",
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: tmp,
    banner: { js: requireShim },
  });
  try {
    return (await import(`../${tmp}?${Date.now()}`)).default;
  } finally {
    await rm(tmp);
  }
}

/**
 * Split at every dynamic `import()`: a command's code, the app's, the file parser and schemas
 * are each read and compiled only when used, so the app's first frame compiles and runs only
 * what it draws. Shared code lands in chunks of its own, loaded once.
 */
const split = { outdir: 'dist', entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', splitting: true, write: false };

const entry = resolve('dist/cli.js');
const { outputFiles } = await build({
  ...common,
  ...split,
  entryPoints: { cli: 'source/cli.tsx' },
  minify: true,
  plugins: [...cliPatches, builtinsWithoutParser],
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', INFRA_TUI_BUILTINS: JSON.stringify(await prebuiltTopologies()) },
  alias: withoutDevtools,
  banner: { js: requireShim },
});
// Chunks of an earlier build must not linger (and be packed): their names change with their content.
await rm('dist/chunks', { recursive: true, force: true });
await mkdir('dist/chunks', { recursive: true });
// Only the entry is a program (the banner would put the #! line on every chunk).
await Promise.all(outputFiles.map((file) => writeFile(file.path, file.path === entry ? `#!/usr/bin/env node\n${file.text}` : file.contents)));
await chmod(entry, 0o755);
