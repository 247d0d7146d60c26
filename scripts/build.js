// Bundles the CLI into one ESM file with no runtime dependencies, so `npx infra-tui` starts fast.
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { common, requireShim, withoutDevtools } from './bundle-options.js';

/**
 * A build-time edit of one dependency file: replaces `before` (which must be there, or the build
 * fails, since the dependency has changed under the edit) by `after`, and appends `append`.
 */
function patchDependency(name, file, before, after, append = '') {
  return {
    name,
    setup(b) {
      b.onLoad({ filter: file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(before)) throw new Error(`${args.path} changed: "${before.split('\n')[0]}" not found; update ${name} in scripts/build.js`);
        return { contents: `${source.replace(before, after)}\n${append}\n`, loader: 'js' };
      });
    },
  };
}

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
const cachedLineCells = patchDependency(
  'cached-line-cells',
  /[\\/]ink[\\/]build[\\/]output\.js$/,
  'styledCharsFromTokens(tokenize(line))',
  'cellsOf(line)',
  [
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
  ].join('\n'),
);

/**
 * meow evaluates normalize-package-data (and its SPDX tables) when it is imported, ~20 ms at
 * every start, though it only needs it if a program reads `cli.pkg`, which this one never does.
 * Defer it to first use. Fails the build if meow's code no longer matches.
 */
const lazyPackageNormalizer = patchDependency(
  'lazy-package-normalizer',
  /[\\/]meow[\\/]build[\\/]dependencies\.js$/,
  'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
  'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
);

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
  alias: withoutDevtools,
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
