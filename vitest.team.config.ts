import { defineConfig } from 'vitest/config';

/**
 * The API suites once more on the team backend: PostgreSQL (`CUBOID_TEST_BACKEND=postgres`, a fresh
 * database per test server) with each test's dataset served from s3rver (`CUBOID_TEST_DATASET=s3`:
 * `startTestServer` uploads it to a prefix of its own and serves `s3://…`), as `cuboid serve
 * s3://… --db …` replicas run. Only suites that never write into the dataset folder or read label
 * files from disk (those see the bucket instead) are here; the bucket-specific behaviour (ranges,
 * listing, outages, label objects, export to a bucket) is `tests/unit/server/dataset/datasetSources.test.ts`.
 * s3rver and the PostgreSQL cluster are started once by `tests/helpers/teamGlobalSetup.ts`.
 */
export default defineConfig({
  test: {
    include: [
      'tests/unit/server/routes/activityRoute.test.ts',
      'tests/unit/server/routes/diffRoute.test.ts',
      'tests/unit/server/routes/tracksRoute.test.ts',
      'tests/unit/server/routes/openapi.test.ts',
      'tests/unit/server/review/reviewLoop.test.ts',
      'tests/unit/server/review/submitChecker.test.ts',
      'tests/unit/server/auth/*.test.ts',
    ],
    environment: 'node',
    expect: { requireAssertions: true },
    testTimeout: 60000,
    hookTimeout: 60000,
    globalSetup: ['tests/helpers/teamGlobalSetup.ts'],
    env: { CUBOID_TEST_BACKEND: 'postgres', CUBOID_TEST_DATASET: 's3' },
  },
});
