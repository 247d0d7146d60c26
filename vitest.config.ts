import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Two cores: forks keep pty and CLI tests isolated without oversubscribing.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
