import { startTestBucket } from '../unit/server/fixtures/testBucket.ts';
import postgresSetup from './postgresGlobalSetup.ts';
import { TEAM_TEST_BUCKET } from './uploadTestDataset.ts';

/**
 * Vitest global setup of the team run (`vitest.team.config.ts`): PostgreSQL as in the PostgreSQL
 * run, plus one s3rver for the whole run. Its endpoint and credentials go to the test workers as
 * the standard AWS SDK environment (`startTestBucket` sets it), and `CUBOID_TEST_DATASET=s3`
 * makes `startTestServer` upload each test's dataset to a fresh prefix and serve `s3://…`.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const stopPg = await postgresSetup();
  const bucket = await startTestBucket(TEAM_TEST_BUCKET);
  return async () => {
    await bucket.close();
    stopPg();
  };
}
