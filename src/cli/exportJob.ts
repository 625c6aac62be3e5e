import path from 'node:path';
import { isBucketUrl } from '../server/dataset/bucketUrl.ts';
import { HttpError } from '../server/http/HttpError.ts';
import { QueueJobRunner } from '../server/jobs/QueueJobRunner.ts';
import type { ExportTreeJobInput, ExportTreeJobOutput } from '../server/jobs/JobRunner.ts';
import { checkPostgresUrl } from '../server/storage/postgresConnection.ts';
import { UsageError } from './exitCodes.ts';
import type { ExportCommandOptions } from './exportCommand.ts';

/** How often the job is asked for its state, ms. */
const POLL_MS = 500;

/** The export job could not be queued or failed: its error (exit 2, the export did not finish). */
export class ExportJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportJobError';
  }
}

/**
 * `cuboid export DIR --out OUT --db URL --job`: queues the export for a `cuboid worker` (which
 * reads the dataset at the same path or bucket and writes OUT: a bucket prefix, or a folder the
 * workers share), prints its state on stderr while it waits, and resolves with the worker's
 * summary. Relative paths are made absolute here.
 * @throws UsageError without `--db`; HttpError 503 `job_no_worker` when no worker runs; ExportJobError when the job failed
 */
export async function runExportAsJob(dir: string, opts: ExportCommandOptions, progress: (line: string) => void): Promise<ExportTreeJobOutput> {
  if (opts.db === undefined) throw new UsageError('--job needs --db URL: jobs are queued in the team database');
  checkPostgresUrl(opts.db);
  const { db: _db, state: _state, ...rest } = opts as ExportCommandOptions & { job?: boolean; json?: boolean };
  const { job: _job, json: _json, ...options } = rest as typeof rest & { job?: boolean; json?: boolean };
  const out = isBucketUrl(opts.out) ? opts.out : path.resolve(opts.out);
  const input: ExportTreeJobInput = { dataDir: isBucketUrl(dir) ? dir : path.resolve(dir), options: { ...options, out } };
  const runner = await QueueJobRunner.open(opts.db);
  try {
    const id = await runner.enqueue('export-tree', input).catch((err: unknown) => {
      throw new ExportJobError(err instanceof HttpError ? err.detail : err instanceof Error ? err.message : String(err));
    });
    progress(`export job ${id} queued`);
    let last = '';
    for (;;) {
      const status = await runner.status(id);
      if (status === null) throw new ExportJobError(`export job ${id} is no longer in the queue`);
      if (status.state === 'done') return status.result as ExportTreeJobOutput;
      if (status.state === 'failed') throw new ExportJobError(`export job ${id} failed: ${status.error?.detail ?? 'no reason recorded'}`);
      const line = status.state === 'running' ? `export job ${id} running (attempt ${status.attempts})` : `export job ${id} waiting for a worker`;
      if (line !== last) progress(line);
      last = line;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await runner.close();
  }
}
