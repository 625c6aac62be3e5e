import type { CheckPool } from '../checks/CheckPool.ts';
import type { CheckAnswer, CheckRequest } from '../checks/checkTask.ts';
import { runCheckJob, type JobRunner } from './JobRunner.ts';

/** Where a check runs: anything with the check pool's `run`. */
export type CheckRunner = Pick<CheckPool, 'run'>;

/**
 * Point files at least this big have their submit gate run as a job by a `cuboid worker` when the
 * server queues jobs (16 MiB ≈ 1 M points of a KITTI `.bin`, 16 B each): reading and analysing such a
 * frame takes seconds of a core. Smaller frames are checked in the replica's own thread pool, so a
 * submit does not wait for the queue's round trip (~0.5–1 s of polling).
 */
export const SUBMIT_JOB_MIN_BYTES = 16 * 1024 * 1024;

/** Time a waiting request gives a check job beyond the check's own limit (queue wait, polling), ms. */
const QUEUE_SLACK_MS = 20_000;

/**
 * The check runners of a server: the navigator's summaries and the submit gate. In-process, both
 * are jobs of the runner (its pool's threads). With the queue, every summary is a job for the
 * workers, and a submit gate is one when the frame's point file is big (`SUBMIT_JOB_MIN_BYTES`);
 * the request waits for the job's answer (no change for the browser: the submit answers when
 * checked, or 503 `job_no_worker` / `job_timeout` naming the job).
 */
export function checkRunners(runner: JobRunner, pool: CheckPool): { summaries: CheckRunner; submit: CheckRunner } {
  const timeoutMs = pool.limits.timeMs + QUEUE_SLACK_MS;
  const asJob: CheckRunner = {
    run: (request: CheckRequest, signal?: AbortSignal): Promise<CheckAnswer> =>
      runCheckJob(runner, request, { timeoutMs, ...(signal !== undefined ? { signal } : {}) }),
  };
  if (runner.mode === 'in-process') return { summaries: asJob, submit: asJob };
  return {
    summaries: asJob,
    submit: { run: (request, signal) => (request.frame.points.bytes >= SUBMIT_JOB_MIN_BYTES ? asJob.run(request, signal) : pool.run(request, signal)) },
  };
}
