/** How often label files left dirty by a failed write are retried (ms): a bucket that was away, a calib that was fixed. */
export const LABEL_RETRY_MS = 15_000;

/**
 * Retries the label writes that failed (a bucket that went away, refused a PUT, timed out) every
 * `everyMs` until they succeed: `sync` is `AnnotationService.syncDirtyLabels`, which rewrites each
 * frame marked dirty from its stored revision (the database is the truth). One pass at a time; the
 * timer does not keep the process alive. Returns the stop function.
 */
export function startLabelSyncTimer(sync: () => Promise<unknown>, everyMs = LABEL_RETRY_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sync()
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
