import { startPgCluster, type PgCluster } from './postgresCluster.ts';

/**
 * Vitest global setup of the PostgreSQL run (`vitest.postgres.config.ts`): uses the server in
 * `CUBOID_TEST_PG_URL` when `.ci/run` (or the developer) provides one, else starts a throwaway
 * cluster for this run and exports its URL to the test workers; stopped when the run ends.
 */
export default async function setup(): Promise<() => void> {
  if (process.env.CUBOID_TEST_PG_URL !== undefined && process.env.CUBOID_TEST_PG_URL !== '') return () => undefined;
  const cluster: PgCluster = await startPgCluster();
  process.env.CUBOID_TEST_PG_URL = cluster.url;
  return () => cluster.stop();
}
