import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { assertReachable, describePgError, redactUrl, StorageOpenError } from '../storage/postgresConnection.ts';
import { ensureQueues } from './jobQueue.ts';
import { ensureJobTables, startSerialised } from './jobTables.ts';

/**
 * Opens the job queue for a replica or a worker: checks the database answers, then creates the
 * job tables, starts pg-boss and creates its queues (one process at a time, `startSerialised`).
 * On failure both `boss` and `pool` are closed.
 * @throws StorageOpenError, one line naming the URL (no password) and the cause
 */
export async function openJobQueue(pool: pg.Pool, boss: PgBoss, url: string): Promise<void> {
  try {
    await assertReachable(pool, url);
    await startSerialised(pool, async () => {
      await ensureJobTables(pool);
      await boss.start();
      await ensureQueues(boss);
    });
  } catch (err) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    if (err instanceof StorageOpenError) throw err;
    throw new StorageOpenError(`cannot open the job queue in ${redactUrl(url)}: ${describePgError(err)}`);
  }
}
