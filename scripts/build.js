// Bundles the CLI into one ESM file with no runtime dependencies, so `npx infra-tui` starts fast.
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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

/** Routes Ink's string-width imports through a cache (see scripts/string-width-cache.js). */
const cachedStringWidth = {
  name: 'cached-string-width',
  setup(b) {
    const wrapper = fileURLToPath(new URL('./string-width-cache.js', import.meta.url));
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === wrapper ? undefined : { path: wrapper }));
  },
};

/**
 * Ink re-tokenizes every line of text into styled cells on every frame, though most lines are
 * the same as in the frame before. Remember the cells of each line (the cells are only read
 * afterwards, so sharing them is safe). 2,000 lines cover many screens (a few MB at most).
 * Fails the build if Ink's code no longer matches.
 */
const cachedLineCells = {
  name: 'cached-line-cells',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const call = 'styledCharsFromTokens(tokenize(line))';
      if (!source.includes(call)) throw new Error(`ink/build/output.js changed: "${call}" not found; update scripts/build.js`);
      const helper = [
        'const lineCells = new Map();',
        'function cellsOf(line) {',
        '  let cells = lineCells.get(line);',
        '  if (cells === undefined) {',
        '    if (lineCells.size >= 2000) lineCells.clear();',
        '    cells = styledCharsFromTokens(tokenize(line));',
        '    lineCells.set(line, cells);',
        '  }',
        '  return cells;',
        '}',
      ].join('\n');
      return { contents: `${source.replace(call, 'cellsOf(line)')}\n${helper}\n`, loader: 'js' };
    });
  },
};

/**
 * meow evaluates normalize-package-data (and its SPDX tables) when it is imported, ~20 ms at
 * every start, though it only needs it if a program reads `cli.pkg`, which this one never does.
 * Defer it to first use. Fails the build if meow's code no longer matches.
 */
const lazyPackageNormalizer = {
  name: 'lazy-package-normalizer',
  setup(b) {
    b.onLoad({ filter: /[\\/]meow[\\/]build[\\/]dependencies\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
      if (!source.includes(eager)) throw new Error('meow/build/dependencies.js changed: its normalize-package-data import was not found; update scripts/build.js');
      const lazy = 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);';
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

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
  plugins: [cachedStringWidth, cachedLineCells, lazyPackageNormalizer, builtinsWithoutParser],
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
