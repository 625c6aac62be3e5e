import type pg from 'pg';
import type { SharedLock } from '../FrameLocks.ts';

/** First key of the two-key advisory locks taken on frames: "cubd" in ASCII (other users of the database pick their own). */
const FRAME_LOCK_SPACE = 0x63756264;

/**
 * Session advisory locks of PostgreSQL, one per key (`pg_advisory_lock(space, hashtext(key))`),
 * seen by every process on the database. They are taken on connections of their own small pool,
 * never the query pool, so a holder waiting for a query connection can never starve the queries
 * it needs. A connection that breaks while holding a lock releases it (the server ends the session).
 * Two keys with the same hash share a lock: that only serialises more, never less.
 */
export class PgAdvisoryLocks implements SharedLock {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [FRAME_LOCK_SPACE, key]);
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    try {
      return await fn();
    } finally {
      // A connection whose state is unknown is closed, which frees whatever it held.
      const broken = await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [FRAME_LOCK_SPACE, key]).then(
        () => undefined,
        (err: Error) => err,
      );
      client.release(broken);
    }
  }
}
