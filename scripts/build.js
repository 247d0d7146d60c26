// Bundles the CLI into one ESM file with no runtime dependencies, so `npx infra-tui` starts fast.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';
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

await build({
  ...common,
  entryPoints: ['source/cli.tsx'],
  outfile: 'dist/cli.js',
  minify: true,
  plugins: [...cliPatches, builtinsWithoutParser],
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', INFRA_TUI_BUILTINS: JSON.stringify(await prebuiltTopologies()) },
  alias: withoutDevtools,
  banner: { js: ['#!/usr/bin/env node', requireShim].join('\n') },
});
await chmod('dist/cli.js', 0o755);
