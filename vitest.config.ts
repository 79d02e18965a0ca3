import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests (pure) and integration tests (server on a real database). The database under test is
// PGlite unless TEST_DATABASE_URL names a PostgreSQL server (scripts/test.sh runs both).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves a core free by default: one worker on a 2-core CI machine. The integration tests
    // wait on the database as much as they compute, so a worker per core finishes sooner.
    maxWorkers: Math.max(2, os.availableParallelism()),
    globalSetup: ['apps/server/src/testing/global-setup.ts'],
    // `npx lianxin` in a test runs the sources under test, not a compiled build that may be older.
    env: { LIANXIN_FROM_SOURCE: '1' },
  },
});
