/**
 * Worker thread of `npm run bench:quality`: takes jobs from the main thread one at a time and
 * answers each with its tallies (or the error's message).
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from './qualityJobs.ts';
import type { QualityJob } from './qualityJobs.ts';

const port = parentPort;
if (port === null) throw new Error('bench/quality: qualityWorker.ts must run in a worker thread');
port.on('message', (job: QualityJob) => {
  try {
    port.postMessage({ ok: true, result: runJob(job) });
  } catch (err) {
    port.postMessage({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
