import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Tests that run dist/cli.js get a bundle built from the current sources.
    globalSetup: ['test/build-once.ts'],
    // Two cores: forks keep pty and CLI tests isolated without oversubscribing.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
