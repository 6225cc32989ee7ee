import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // One PostgreSQL server for the run, so storage tests run against both engines.
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
