import PgBoss from 'pg-boss';
import type { JobError, JobKind } from './JobRunner.ts';

/** pg-boss queue of each job kind. */
export const QUEUE_OF: Record<JobKind, string> = { check: 'cuboid-check', export: 'cuboid-export', 'export-tree': 'cuboid-export-tree' };

/**
 * Each kind's queue policy. A job's own failure (an unreadable frame, a bad option) is recorded
 * as its result and never retried; retries are for a worker that died with the job (a killed
 * process, a lost machine): pg-boss fails a job still active `expireInSeconds` after it started
 * and queues it again, up to `retryLimit` times. A check ends within the pool's 60 s limit; an
 * export may legitimately take long, so its expiry (the wait before a killed worker's export is
 * taken over) is 30 minutes.
 */
export const QUEUE_POLICY: Record<JobKind, { retryLimit: number; expireInSeconds: number; retryDelay: number }> = {
  check: { retryLimit: 2, expireInSeconds: 90, retryDelay: 0 },
  export: { retryLimit: 2, expireInSeconds: 30 * 60, retryDelay: 0 },
  'export-tree': { retryLimit: 2, expireInSeconds: 60 * 60, retryDelay: 0 },
};

/** Options of a pg-boss instance: its own small pool, no cron; `supervise` = run its maintenance (expiry, archive). */
export function bossOptions(url: string, opts: { max: number; supervise: boolean; maintenanceIntervalSeconds?: number }): PgBoss.ConstructorOptions {
  return {
    connectionString: url,
    max: opts.max,
    application_name: 'cuboid-jobs',
    schedule: false,
    supervise: opts.supervise,
    migrate: true,
    ...(opts.maintenanceIntervalSeconds !== undefined ? { maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds } : {}),
  };
}

/** Creates each kind's queue (does nothing for one that exists). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const kind of Object.keys(QUEUE_OF) as JobKind[]) {
    await boss.createQueue(QUEUE_OF[kind], { name: QUEUE_OF[kind], policy: 'standard', ...QUEUE_POLICY[kind] });
  }
}

/** What a worker stores as a job's output: its result, or the error it ended in (never retried). */
export type JobOutcome = { ok: true; result: unknown } | { ok: false; error: JobError };
