import { Readable } from 'node:stream';
import type pg from 'pg';
import type { JobKind } from './JobRunner.ts';

/**
 * Cuboid's own tables beside the queue (pg-boss keeps its jobs in schema `pgboss`; these are in
 * schema `cuboid_jobs`, created by the first server or worker to start, like pg-boss's own):
 * - `jobs`: each job's kind, progress (0..1) and the size of its file once complete;
 * - `files`: a job's file (the export zip) in 1 MiB chunks, deleted with the job;
 * - `workers`: each running `cuboid worker` and when it was last seen (a heartbeat), so a server
 *   can say at once that no worker runs instead of waiting for one.
 * Jobs older than a day are deleted (their files with them) by the workers.
 */
const SCHEMA_SQL = `
  CREATE SCHEMA IF NOT EXISTS cuboid_jobs;
  CREATE TABLE IF NOT EXISTS cuboid_jobs.jobs (
    id         uuid PRIMARY KEY,
    kind       text NOT NULL,
    progress   real NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    file_bytes bigint
  );
  CREATE TABLE IF NOT EXISTS cuboid_jobs.files (
    job_id uuid NOT NULL REFERENCES cuboid_jobs.jobs (id) ON DELETE CASCADE,
    seq    integer NOT NULL,
    bytes  bytea NOT NULL,
    PRIMARY KEY (job_id, seq)
  );
  CREATE TABLE IF NOT EXISTS cuboid_jobs.workers (
    id        text PRIMARY KEY,
    seen_at   timestamptz NOT NULL
  );
`;

/** Bytes of one stored chunk of a job's file. */
const CHUNK_BYTES = 1024 * 1024;

/** How long a job (and its file) is kept, hours. */
export const JOB_KEEP_HOURS = 24;

/** Creates the tables when missing; replicas and workers starting together create them once (advisory lock). */
export async function ensureJobTables(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('cuboid_jobs'))");
    await client.query(SCHEMA_SQL);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Records a job about to be queued. */
export async function insertJob(pool: pg.Pool, id: string, kind: JobKind): Promise<void> {
  await pool.query('INSERT INTO cuboid_jobs.jobs (id, kind) VALUES ($1, $2)', [id, kind]);
}

/** A job's row: kind, progress, when it was queued and its file's size (null until complete). */
export async function readJob(pool: pg.Pool, id: string): Promise<{ kind: JobKind; progress: number; createdAt: string; fileBytes: number | null } | null> {
  const { rows } = await pool.query<{ kind: JobKind; progress: number; created_at: Date; file_bytes: string | null }>(
    'SELECT kind, progress, created_at, file_bytes FROM cuboid_jobs.jobs WHERE id = $1',
    [id],
  );
  const r = rows[0];
  if (r === undefined) return null;
  return { kind: r.kind, progress: r.progress, createdAt: r.created_at.toISOString(), fileBytes: r.file_bytes === null ? null : Number(r.file_bytes) };
}

/** Stores a job's progress (never lowering it). */
export async function writeProgress(pool: pg.Pool, id: string, fraction: number): Promise<void> {
  await pool.query('UPDATE cuboid_jobs.jobs SET progress = greatest(progress, $2) WHERE id = $1', [id, Math.max(0, Math.min(1, fraction))]);
}

/**
 * Stores `stream` as the job's file, replacing what an earlier attempt left; resolves with its size.
 * The size is recorded last, so a file cut off by a dead worker is never served.
 */
export async function writeJobFile(pool: pg.Pool, id: string, stream: Readable): Promise<number> {
  await pool.query('DELETE FROM cuboid_jobs.files WHERE job_id = $1', [id]);
  await pool.query('UPDATE cuboid_jobs.jobs SET file_bytes = NULL WHERE id = $1', [id]);
  let seq = 0;
  let total = 0;
  let parts: Buffer[] = [];
  let held = 0;
  const flush = async (): Promise<void> => {
    if (held === 0) return;
    await pool.query('INSERT INTO cuboid_jobs.files (job_id, seq, bytes) VALUES ($1, $2, $3)', [id, seq++, Buffer.concat(parts, held)]);
    parts = [];
    held = 0;
  };
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    parts.push(buf);
    held += buf.length;
    total += buf.length;
    if (held >= CHUNK_BYTES) await flush();
  }
  await flush();
  await pool.query('UPDATE cuboid_jobs.jobs SET file_bytes = $2 WHERE id = $1', [id, total]);
  return total;
}

/** The job's file as a stream read chunk by chunk (one chunk in memory at a time). */
export function readJobFile(pool: pg.Pool, id: string): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM cuboid_jobs.files WHERE job_id = $1 AND seq = $2', [id, seq]);
      if (rows[0] === undefined) return;
      yield rows[0].bytes;
    }
  }
  return Readable.from(chunks());
}

/** A worker says it is alive (every few seconds while it runs). */
export async function beat(pool: pg.Pool, workerId: string): Promise<void> {
  await pool.query('INSERT INTO cuboid_jobs.workers (id, seen_at) VALUES ($1, now()) ON CONFLICT (id) DO UPDATE SET seen_at = now()', [workerId]);
}

/** A worker that stops says so. */
export async function leave(pool: pg.Pool, workerId: string): Promise<void> {
  await pool.query('DELETE FROM cuboid_jobs.workers WHERE id = $1', [workerId]);
}

/** Workers seen within `withinMs`. */
export async function liveWorkers(pool: pg.Pool, withinMs: number): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM cuboid_jobs.workers WHERE seen_at > now() - $1 * interval '1 millisecond'", [
    withinMs,
  ]);
  return Number(rows[0]?.n ?? 0);
}

/** Deletes jobs older than `JOB_KEEP_HOURS` (their files go with them) and workers gone for an hour. */
export async function deleteOldJobs(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM cuboid_jobs.jobs WHERE created_at < now() - interval '${JOB_KEEP_HOURS} hours'`);
  await pool.query("DELETE FROM cuboid_jobs.workers WHERE seen_at < now() - interval '1 hour'");
}

/**
 * Runs `start` (creating the job tables, starting pg-boss, creating its queues) while holding a
 * session advisory lock, so replicas and workers starting together on a fresh database do it one
 * at a time: pg-boss's own schema and queue creation, run concurrently, can deadlock (40P01).
 */
export async function startSerialised(pool: pg.Pool, start: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('cuboid_jobs_start'))");
    try {
      await start();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('cuboid_jobs_start'))").catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
