import { createJobClient, type JobClient, type JobStatusReply } from '../io/jobClient.ts';

/** How often a running export job is asked for its progress, ms. */
const POLL_MS = 500;

/**
 * Runs the training export as a background job: queues it with the query of an `/api/export.zip`
 * link, reports each state the server answers (queued, running with progress 0..1, done, failed)
 * to `onStatus`, and resolves with the download URL of the finished zip.
 * @throws an `ApiError` when the job cannot be queued (503 `job_no_worker`: no `cuboid worker`
 *   runs) or an `Error` with the job's recorded error when it failed
 */
export async function runExportJob(
  exportHref: string,
  onStatus: (status: JobStatusReply) => void,
  signal?: AbortSignal,
  client: JobClient = createJobClient(),
): Promise<string> {
  const { id } = await client.startExport(exportHref);
  for (;;) {
    const status = await client.getJob(id, signal);
    onStatus(status);
    if (status.state === 'done') return client.fileUrl(id);
    if (status.state === 'failed') throw new Error(status.error?.detail ?? 'the export failed');
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, POLL_MS);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    });
  }
}
