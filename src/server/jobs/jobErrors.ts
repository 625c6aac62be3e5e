import { HttpError } from '../http/HttpError.ts';
import { formatMs } from '../checks/checkLimits.ts';
import type { JobError } from './JobRunner.ts';

/** A job's error as `GET /api/jobs/:id` shows it: `{error, detail}` as every route answers errors. */
export function wireJobError(e: JobError): { error: string; detail: string } {
  return 'status' in e ? { error: e.error, detail: e.detail } : { error: 'job_failed', detail: e.message };
}

/** Waiting for a job passed its limit: 503 naming the job and whether any worker had taken it. */
export function jobTimeout(kind: string, id: string, timeoutMs: number, started: boolean): HttpError {
  if (!started) {
    return new HttpError(
      503,
      'job_no_worker',
      `no worker took the ${kind} job ${id} within ${formatMs(timeoutMs)}: start one with \`cuboid worker --db URL\` (it was cancelled)`,
      { jobId: id, limitMs: timeoutMs },
    );
  }
  return new HttpError(503, 'job_timeout', `the ${kind} job ${id} did not end within ${formatMs(timeoutMs)}`, { jobId: id, limitMs: timeoutMs });
}

/** Sleeps `ms`, or less when `signal` aborts (then rejects with its reason). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    // setTimeout fires at once for anything above 2^31 - 1 ms (Infinity included).
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
