import { randomUUID } from 'node:crypto';
import os from 'node:os';
import PgBoss from 'pg-boss';
import { CheckPool, type CheckPoolOptions } from '../checks/CheckPool.ts';
import { storedError } from '../checks/sharedCheckSummaries.ts';
import { ReadOnlyExportSource } from '../export/ReadOnlyExportSource.ts';
import { parseBinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import { createPool, describePgError } from '../storage/postgresConnection.ts';
import { openJobQueue } from './openJobQueue.ts';
import { runJob, type JobContext } from './jobHandlers.ts';
import { bossOptions, QUEUE_OF, type JobOutcome } from './jobQueue.ts';
import { beat, deleteOldJobs, leave, writeJobFile, writeProgress } from './jobTables.ts';
import type { JobKind, JobKinds } from './JobRunner.ts';

export interface WorkerOptions {
  /** The team's PostgreSQL database (`--db`). */
  db: string;
  /** Jobs of each kind run at once (`--concurrency`); checks get as many worker threads. Default the cores less one, at least 1. */
  concurrency?: number;
  /** Limits of the checks (as `createServer`'s `checks`). */
  checks?: CheckPoolOptions;
  /** How often pg-boss's maintenance runs (expiring the jobs of dead workers so they are retried), s; default 30. */
  maintenanceIntervalSeconds?: number;
  /** How often the queue is polled for new jobs, s (at least 0.5); default 0.5. */
  pollingIntervalSeconds?: number;
  /** Runs `cuboid export` for `export-tree` jobs (the CLI passes its own; without it such jobs fail, recorded). */
  exportTree?: JobContext['exportTree'];
  /** One line per job ended (default: nothing). */
  log?: (line: string) => void;
}

/** A running worker: `stop` lets running jobs finish (up to 30 s), then disconnects. */
export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
}

/** Progress is written at most this often, ms. */
const PROGRESS_EVERY_MS = 500;
/** The heartbeat that tells servers a worker runs, ms. */
const BEAT_MS = 5000;

/**
 * `cuboid worker --db URL`: takes jobs from the PostgreSQL queue (pg-boss) and runs them — frame
 * checks in a worker-thread pool, exports as zips stored with the job — recording progress, the
 * result or the error. A job whose code fails is recorded as failed (not retried); a job whose
 * worker dies is expired by the queue's maintenance (any worker runs it) and retried.
 * @throws StorageOpenError when the database cannot be reached or used (one line, no password)
 */
export async function runWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? os.availableParallelism() - 1));
  const log = opts.log ?? (() => undefined);
  const pool = createPool(opts.db, { max: concurrency + 2 });
  const boss = new PgBoss(bossOptions(opts.db, { max: concurrency + 2, supervise: true, maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 30 }));
  boss.on('error', (err) => log(`queue error: ${describePgError(err)}`));
  await openJobQueue(pool, boss, opts.db);
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const checks = new CheckPool({ ...opts.checks, threads: opts.checks?.threads ?? concurrency, maxQueue: Infinity });
  await beat(pool, id);
  await deleteOldJobs(pool).catch(() => undefined);
  const beating = setInterval(() => void beat(pool, id).catch(() => undefined), BEAT_MS);
  const cleaning = setInterval(() => void deleteOldJobs(pool).catch(() => undefined), 600_000);
  beating.unref();
  cleaning.unref();

  const handle = async <K extends JobKind>(kind: K, job: PgBoss.Job<JobKinds[K]['input']>): Promise<JobOutcome> => {
    let last = 0;
    const progress = (f: number): void => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && f < 1) return;
      last = now;
      void writeProgress(pool, job.id, f).catch(() => undefined);
    };
    try {
      const result = await runJob(kind, job.data, {
        pool: checks,
        progress,
        saveFile: (stream) => writeJobFile(pool, job.id, stream),
        ...(opts.exportTree !== undefined ? { exportTree: opts.exportTree } : {}),
        openExportSource: async (input) => {
          const binLayout = input.binLayout === undefined ? undefined : parseBinLayoutName(input.binLayout, 'binLayout');
          const source = await ReadOnlyExportSource.open({
            dataDir: input.dataDir,
            db: opts.db,
            ...(binLayout !== undefined ? { binLayout } : {}),
            // A nuScenes dataset's tables are parsed on the check threads, so heartbeats and other jobs go on.
            runTask: (task) => checks.runDatasetTask(task),
          });
          return { source, close: () => source.close() };
        },
      });
      log(`${kind} job ${job.id} done`);
      return { ok: true, result };
    } catch (err) {
      const error = storedError(err);
      log(`${kind} job ${job.id} failed: ${'detail' in error ? error.detail : error.message}`);
      return { ok: false, error };
    }
  };
  const work = { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5 };
  for (let i = 0; i < concurrency; i++) {
    for (const kind of Object.keys(QUEUE_OF) as JobKind[]) {
      await boss.work<JobKinds[typeof kind]['input']>(QUEUE_OF[kind], work, ([job]) => handle(kind, job));
    }
  }
  return {
    id,
    async stop() {
      clearInterval(beating);
      clearInterval(cleaning);
      await leave(pool, id).catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, close: true, timeout: 30_000 }).catch(() => undefined);
      await checks.close();
      await pool.end().catch(() => undefined);
    },
  };
}
