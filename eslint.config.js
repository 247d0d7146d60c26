import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerImports } from './lint/layer-imports.js';

const pureMessage =
  'model/, sim/, layout/, grammar/, scenario/ and export/ are pure (DESIGN §3): no React, Ink or node: I/O here; pass data in from cli/ or ui/.';
const impureGlobals = [
  { name: 'Date', message: 'The engine runs on a virtual clock: take time as an input, never Date.' },
];

/**
 * The layers of source/, by folder: which other folders each may import (at any depth of
 * either). Data flows down this list: model ← sim, layout ← export ← ui ← commands; grammar/
 * (what a person types → engine inputs) sits on sim/ and serves ui/ and commands/ alike; serve/
 * (the app over SSH) runs ui/'s app once per session, for commands/.
 */
const layers = {
  model: [],
  sim: ['model'],
  layout: ['model'],
  grammar: ['model', 'sim'],
  export: ['model', 'sim', 'layout'],
  scenario: ['model', 'grammar'],
  ui: ['model', 'sim', 'layout', 'export', 'grammar', 'scenario'],
  serve: ['model', 'sim', 'layout', 'export', 'ui', 'grammar', 'scenario'],
  commands: ['model', 'sim', 'layout', 'export', 'ui', 'grammar', 'scenario', 'serve'],
};
/** Folders seen from outside only through one file, so their insides can change freely. */
const publicEntries = { sim: 'index.ts', layout: 'index.ts', scenario: 'index.ts' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['source/**/*.{ts,tsx}'],
    plugins: { layers: { rules: { imports: layerImports } } },
    rules: { 'layers/imports': ['error', { may: layers, entries: publicEntries }] },
  },
  {
    files: ['source/{model,sim,layout,export,grammar,scenario}/**/*.{ts,tsx}'],
    ignores: ['source/model/load-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'ink', 'ink-*', 'immer'], message: pureMessage },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: pureMessage },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...impureGlobals, { name: 'process', message: pureMessage }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness must be seeded: use sim/random.ts.' },
        { object: 'Date', property: 'now', message: 'The engine runs on a virtual clock: take time as an input.' },
      ],
    },
  },
);
