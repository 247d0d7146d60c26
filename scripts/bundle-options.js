// esbuild settings shared by the CLI build (scripts/build.js) and the benchmarks (scripts/bench.js).

/** One ESM file for Node 20 with every dependency inside. */
export const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  logLevel: 'warning',
};

// Bundled CommonJS dependencies call require(); ESM output has none unless it is made.
export const requireShim = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/** Ink imports react-devtools-core (and ws) only when DEV is set; keep them out of the bundle. */
export const withoutDevtools = { 'react-devtools-core': './scripts/devtools-stub.js', ws: './scripts/devtools-stub.js' };
