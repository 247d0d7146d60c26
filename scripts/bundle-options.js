// esbuild settings shared by the CLI build (scripts/build.js) and the benchmarks (scripts/bench.js).

/** One ESM file for Node 20 with every dependency inside. */
export const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  logLevel: 'warning',
  // ssh2's optional native speed-ups: it tries them and falls back to its own JavaScript (and
  // Node's crypto) when they are absent, as they are next to the bundle.
  external: ['cpu-features', '*.node'],
};

// Bundled CommonJS dependencies call require() (and ssh2's compiled poly1305 reads __dirname);
// ESM output has neither unless they are made.
export const requireShim = [
  "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  "import { fileURLToPath as __fu } from 'node:url'; const __filename = __fu(import.meta.url); const __dirname = __fu(new URL('.', import.meta.url));",
].join(' ');

/** Ink imports react-devtools-core (and ws) only when DEV is set; keep them out of the bundle. */
export const withoutDevtools = { 'react-devtools-core': './scripts/devtools-stub.js', ws: './scripts/devtools-stub.js' };
