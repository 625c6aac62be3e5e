import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { errorFromStored } from '../checks/sharedCheckSummaries.ts';
import { HttpError } from '../http/HttpError.ts';
import { createPool } from '../storage/postgresConnection.ts';
import { openJobQueue } from './openJobQueue.ts';
import { jobTimeout, pause, wireJobError } from './jobErrors.ts';
import { bossOptions, QUEUE_OF, QUEUE_POLICY, type JobOutcome } from './jobQueue.ts';
import { insertJob, liveWorkers, readJob, readJobFile } from './jobTables.ts';
import type { JobError, JobFile, JobKind, JobKinds, JobRunner, JobStatus, WaitOptions } from './JobRunner.ts';

/** A worker not seen for this long is taken for gone (they beat every 5 s). */
export const WORKER_SEEN_MS = 20_000;

/**
 * The team mode's jobs (`cuboid serve --db URL`): queued in PostgreSQL with pg-boss and run by
 * `cuboid worker --db URL` processes (any number, on any machine that reaches the database and
 * the dataset). Any replica answers any job's state: pg-boss's job row (state, attempts, output)
 * plus Cuboid's `cuboid_jobs` tables (progress, the export zip). A job is refused at once, 503
 * `job_no_worker`, when no worker has been seen for 20 s.
 */
export class QueueJobRunner implements JobRunner {
  readonly mode = 'queue' as const;
  private readonly boss: PgBoss;
  private readonly pool: pg.Pool;
  private workersSeen: { at: number; count: number } = { at: 0, count: 0 };

  private constructor(boss: PgBoss, pool: pg.Pool) {
    this.boss = boss;
    this.pool = pool;
  }

  /**
   * Connects to the queue (creating pg-boss's schema, the queues and Cuboid's job tables when missing).
   * @throws StorageOpenError, one line naming the URL (no password) and the cause
   */
  static async open(url: string): Promise<QueueJobRunner> {
    const pool = createPool(url, { max: 2 });
    const boss = new PgBoss(bossOptions(url, { max: 2, supervise: false }));
    // pg-boss reports lost connections here; the next query fails on its own and is answered 503.
    boss.on('error', () => undefined);
    await openJobQueue(pool, boss, url);
    return new QueueJobRunner(boss, pool);
  }

  async enqueue<K extends JobKind>(kind: K, input: JobKinds[K]['input']): Promise<string> {
    if ((await this.liveWorkers()) === 0) {
      throw new HttpError(503, 'job_no_worker', `no cuboid worker is running to take the ${kind} job: start one with \`cuboid worker --db URL\``, { kind });
    }
    const id = randomUUID();
    await insertJob(this.pool, id, kind);
    await this.boss.send(QUEUE_OF[kind], input as object, { id, ...QUEUE_POLICY[kind] });
    return id;
  }

  async status(id: string): Promise<JobStatus | null> {
    const row = await readJob(this.pool, id);
    if (row === null) return null;
    const job = await this.boss.getJobById<unknown>(QUEUE_OF[row.kind], id, { includeArchive: true });
    const base = {
      id,
      kind: row.kind,
      progress: row.progress,
      createdAt: row.createdAt,
      attempts: job === null ? 0 : job.retryCount + (job.state === 'created' ? 0 : 1),
    };
    if (job === null) return { ...base, state: 'failed', error: { error: 'job_lost', detail: `job ${id} is no longer in the queue` } };
    switch (job.state) {
      case 'created':
      case 'retry':
        return { ...base, state: 'queued' };
      case 'active':
        return { ...base, state: 'running' };
      case 'completed': {
        const out = job.output as JobOutcome | null;
        if (out !== null && out.ok) return { ...base, state: 'done', progress: 1, result: out.result };
        return { ...base, state: 'failed', error: wireJobError(outcomeError(out)) };
      }
      default:
        return { ...base, state: 'failed', error: wireJobError(outcomeError(job.output)) };
    }
  }

  async result<K extends JobKind>(id: string, kind: K, opts: WaitOptions): Promise<JobKinds[K]['output']> {
    const deadline = Date.now() + opts.timeoutMs;
    let started = false;
    for (let wait = 50; ; wait = Math.min(500, wait * 2)) {
      const job = await this.boss.getJobById<unknown>(QUEUE_OF[kind], id, { includeArchive: true });
      if (job === null) throw new HttpError(503, 'job_lost', `the ${kind} job ${id} is no longer in the queue`, { jobId: id });
      if (job.state !== 'created') started = true;
      if (job.state === 'completed') {
        const out = job.output as JobOutcome | null;
        if (out !== null && out.ok) return out.result as JobKinds[K]['output'];
        throw errorFromStored(outcomeError(out));
      }
      if (job.state === 'failed' || job.state === 'cancelled') throw errorFromStored(outcomeError(job.output));
      if (Date.now() >= deadline) {
        if (!started) await this.boss.cancel(QUEUE_OF[kind], id).catch(() => undefined);
        throw jobTimeout(kind, id, opts.timeoutMs, started);
      }
      await pause(Math.min(wait, Math.max(0, deadline - Date.now())), opts.signal);
    }
  }

  async openFile(id: string): Promise<JobFile | null> {
    const row = await readJob(this.pool, id);
    if (row === null || row.fileBytes === null) return null;
    return { stream: readJobFile(this.pool, id), bytes: row.fileBytes };
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  /** Live workers, asked of the database at most every 2 s while some run (at once while none did, so a new worker is seen). */
  private async liveWorkers(): Promise<number> {
    if (this.workersSeen.count === 0 || Date.now() - this.workersSeen.at > 2000) {
      this.workersSeen = { at: Date.now(), count: await liveWorkers(this.pool, WORKER_SEEN_MS) };
    }
    return this.workersSeen.count;
  }
}

/** The error of a job's output: Cuboid's own outcome, or pg-boss's (an expiry with no retry left, a thrown error). */
function outcomeError(output: unknown): JobError {
  const o = output as { ok?: boolean; error?: JobError; message?: unknown; value?: { message?: unknown } } | null;
  if (o !== null && typeof o === 'object' && o.ok === false && o.error !== undefined) return o.error;
  const message = o?.value?.message ?? o?.message;
  if (typeof message === 'string') {
    const expired = /timeout in active state/.test(message);
    return expired
      ? { status: 503, error: 'job_expired', detail: `the job's worker stopped answering (${message}) and every retry did too`, extra: {} }
      : { message };
  }
  return { message: 'the job failed without a message' };
}
