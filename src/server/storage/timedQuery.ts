import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { addPhaseMs, serverTimingEnabled } from '../http/serverTiming.ts';

/**
 * `pool.query(sql, params)`; with `CUBOID_SERVER_TIMING=1` the wait for a pooled connection
 * (`db-wait`) and the query's round trip (`db-KIND`) are added to the current request's
 * Server-Timing, in ms (see `http/serverTiming.ts`).
 */
export async function timedQuery<R extends pg.QueryResultRow>(pool: pg.Pool, kind: string, sql: string, params: unknown[]): Promise<pg.QueryResult<R>> {
  if (!serverTimingEnabled()) return pool.query<R>(sql, params);
  const t0 = performance.now();
  const client = await pool.connect();
  const t1 = performance.now();
  let broken: Error | undefined;
  try {
    return await client.query<R>(sql, params);
  } catch (err) {
    broken = err as Error;
    throw err;
  } finally {
    // A failed query may leave the connection mid-transaction or cut: closed rather than reused.
    client.release(broken);
    addPhaseMs('db-wait', t1 - t0);
    addPhaseMs(`db-${kind}`, performance.now() - t1);
  }
}
