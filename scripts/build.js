// Bundles the CLI into one ESM file with no runtime dependencies, so `npx infra-tui` starts fast.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  logLevel: 'warning',
};
// Bundled CommonJS dependencies call require(); ESM output has none unless it is made.
const requireShim = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

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
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', INFRA_TUI_BUILTINS: JSON.stringify(await prebuiltTopologies()) },
  // Ink imports react-devtools-core (and ws) only when DEV is set; keep them out of the bundle.
  alias: { 'react-devtools-core': './scripts/devtools-stub.js', ws: './scripts/devtools-stub.js' },
  banner: {
    js: [
      '#!/usr/bin/env node',
      requireShim,
      // Yoga (Ink's layout engine) loads its embedded WebAssembly through `fetch` of a data: URL when
      // fetch exists; on Node 20 that first touch of fetch loads undici (~60 ms). Nothing here needs
      // fetch, so hide it from the bundle and Yoga decodes the bytes directly.
      'const fetch = undefined;',
    ].join('\n'),
  },
});
await chmod('dist/cli.js', 0o755);
