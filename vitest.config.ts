import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: child-process tests share two cores with other work; a slow machine must not fail them.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // One PostgreSQL server for the run, so storage tests run against both engines.
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
