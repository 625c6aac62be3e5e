import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { ChecksWorkerApi } from '../../workers/checks.worker.ts';

let worker: Remote<ChecksWorkerApi> | null = null;

/** The page's checks worker (pre-checks of every box on every change), created on first use. */
export function getChecksWorker(): Remote<ChecksWorkerApi> {
  if (!worker) {
    worker = wrap<ChecksWorkerApi>(new Worker(new URL('../../workers/checks.worker.ts', import.meta.url), { type: 'module' }));
  }
  return worker;
}
