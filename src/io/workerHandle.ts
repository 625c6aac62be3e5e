import { wrap } from 'comlink';
import type { Remote } from 'comlink';

/** One page's handle on a web worker: started on first use, terminated with the page. */
export interface WorkerHandle<T> {
  /** The worker's comlink proxy, starting the worker on first use (and again after `terminate`). */
  get(): Remote<T>;
  /** Whether the worker is running. */
  running(): boolean;
  /** Stops the worker (its pending calls never settle); the next `get` starts a new one. */
  terminate(): void;
}

/** A lazily started worker made by `start` (e.g. `new Worker(new URL(...), { type: 'module' })`). */
export function lazyWorker<T>(start: () => Worker): WorkerHandle<T> {
  let worker: Worker | null = null;
  let remote: Remote<T> | null = null;
  return {
    get() {
      if (!remote) {
        worker = start();
        remote = wrap<T>(worker);
      }
      return remote;
    },
    running: () => worker !== null,
    terminate() {
      worker?.terminate();
      worker = null;
      remote = null;
    },
  };
}
