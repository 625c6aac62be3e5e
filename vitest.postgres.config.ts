import { defineConfig } from 'vitest/config';

/**
 * The server's storage, route and review suites again, on PostgreSQL (`CUBOID_TEST_BACKEND=postgres`:
 * the test server fixture and `openTestStorage` open a fresh PostgreSQL database per test), plus the
 * PostgreSQL-only tests (`*.pgtest.ts`: migrations, advisory locks, two replicas on one database).
 * The server is `CUBOID_TEST_PG_URL` when set (`.ci/run`), else a throwaway cluster started by
 * `tests/helpers/postgresGlobalSetup.ts`. Files that read the SQLite file itself stay in the default run only.
 */
export default defineConfig({
  test: {
    include: [
      'tests/unit/server/storage/storageContract.test.ts',
      'tests/unit/server/routes/*.test.ts',
      'tests/unit/server/auth/*.test.ts',
      'tests/unit/server/review/*.test.ts',
      'tests/unit/server/concurrentSaves.test.ts',
      'tests/unit/server/dismissals.test.ts',
      'tests/unit/server/staleCaches.test.ts',
      'tests/unit/server/malformedRequests.test.ts',
      'tests/unit/server/fileErrors.test.ts',
      'tests/unit/server/labels/labelsAfterAck.test.ts',
      'tests/unit/server/http/serverTiming.test.ts',
      'tests/unit/server/checks/trackGaps.test.ts',
      'tests/unit/**/*.pgtest.ts',
    ],
    environment: 'node',
    expect: { requireAssertions: true },
    testTimeout: 60000,
    hookTimeout: 60000,
    globalSetup: ['tests/helpers/postgresGlobalSetup.ts'],
    env: { CUBOID_TEST_BACKEND: 'postgres' },
  },
});
