import type { Readable } from 'node:stream';
import type { JobState, JobStatusReply } from '../../domain/api/jobSchemas.ts';
import type { CheckAnswer, CheckRequest } from '../checks/checkTask.ts';
import type { StoredCheckError } from '../storage/CheckSummaryStore.ts';

export type { JobState };

/**
 * What the dashboard's export job writes: the same archive as `GET /api/export.zip` (the route's
 * query, parsed), as a zip stored with the job. `dataDir` and `binLayout` say which dataset a
 * `cuboid worker` opens (the server's own path or `s3://` URL: workers see it at the same place).
 */
export interface ExportJobInput {
  dataDir: string;
  binLayout?: string;
  /** The archive's base file name (`DATASET-FORMAT.zip`). */
  fileName: string;
  format: string;
  split?: number;
  seed?: string;
  /** How train and val are split (`auto`, `sequence`, `time`, `frame`). */
  splitBy?: string;
  /** Comma-separated statuses (`accepted,submitted`), as the route's query. */
  status?: string;
  bin?: boolean;
  points?: boolean;
  images?: boolean;
  /** `keep` or `scale` (the default), as the route's query. */
  intensity?: string;
}

/** What an export job leaves as its result (the zip itself is the job's file). */
export interface ExportJobOutput {
  fileName: string;
  bytes: number;
  frames: number;
  skipped: number;
  /** The first skipped frames (up to 5), each with the file at fault and why. */
  skippedFrames: { frameId: string; file: string; reason: string }[];
}

/**
 * `cuboid export DIR --out OUT --db URL --job`: the CLI's export run by a worker. `options` are
 * the command's own (`out` absolute or `s3://`, as the worker sees it); the worker reads the
 * dataset from its database.
 */
export interface ExportTreeJobInput {
  dataDir: string;
  options: { out: string } & Record<string, string | boolean | undefined>;
}

/** What `cuboid export --job` prints from: where the tree went and the export's summary (as `--json` prints it). */
export interface ExportTreeJobOutput {
  out: string;
  summary: { skipped: unknown[] } & Record<string, unknown>;
}

/** Every kind of job, with its input and its result (both plain JSON: they cross the database). */
export interface JobKinds {
  /** One frame's check: the navigator's summary or a submit gate (see `checks/checkTask.ts`). */
  check: { input: CheckRequest; output: CheckAnswer };
  /** The dashboard's training export, a zip kept with the job. */
  export: { input: ExportJobInput; output: ExportJobOutput };
  /** `cuboid export --db URL --job`: a tree written to a folder the workers share or a bucket prefix. */
  'export-tree': { input: ExportTreeJobInput; output: ExportTreeJobOutput };
}
export type JobKind = keyof JobKinds;

/** A job's error as stored: an `HttpError`'s status, code, detail and extras, or a plain message. */
export type JobError = StoredCheckError;

/** One job as `GET /api/jobs/:id` answers it. */
export type JobStatus = JobStatusReply;

/** A job's file (the export zip): its bytes as a stream and their count. */
export interface JobFile {
  stream: Readable;
  bytes: number;
}

/** How long to wait for a job's end, and what may stop the wait. */
export interface WaitOptions {
  /** Give up after this long, ms (the job itself is not stopped unless it never started). */
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Background jobs behind one interface, two implementations: `InProcessJobRunner` (SQLite mode:
 * checks in this process's worker-thread pool, exports on its event loop as streams) and
 * `QueueJobRunner` (`--db`: jobs go to the PostgreSQL queue, pg-boss, and `cuboid worker`
 * processes run them). A job is queued, then running (progress 0..1), then done with its result
 * or failed with its error.
 */
export interface JobRunner {
  readonly mode: 'in-process' | 'queue';
  /** Queues a job; resolves with its id (a UUID). */
  enqueue<K extends JobKind>(kind: K, input: JobKinds[K]['input']): Promise<string>;
  /** The job's state, progress and result or error; null for an unknown id. */
  status(id: string): Promise<JobStatus | null>;
  /**
   * Waits for the job to end and resolves with its result.
   * @throws the job's error (an `HttpError` keeps its status and code); HttpError 503
   *   `job_timeout` when `timeoutMs` passes first (`job_no_worker` when no worker took it)
   */
  result<K extends JobKind>(id: string, kind: K, opts: WaitOptions): Promise<JobKinds[K]['output']>;
  /** The file a done job left (an export's zip), or null. */
  openFile(id: string): Promise<JobFile | null>;
  close(): Promise<void>;
}

/** Runs one check as a job and waits for its answer (the navigator summary, the submit gate). */
export async function runCheckJob(runner: JobRunner, request: CheckRequest, opts: WaitOptions): Promise<CheckAnswer> {
  const id = await runner.enqueue('check', request);
  return runner.result(id, 'check', opts);
}
