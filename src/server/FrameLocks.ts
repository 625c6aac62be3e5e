/** A lock by key that other processes see too (PostgreSQL advisory locks: `storage/PgAdvisoryLocks.ts`). */
export interface SharedLock {
  /** Runs `fn` while holding the lock of `key`, waiting for any holder in any process. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * Per-key async mutex: `run(key, fn)` starts `fn` after every earlier `run` with the same key has
 * settled. Used so that label writes of one frame never overlap (a slower, older write could
 * otherwise rename over a newer one). With a `shared` lock (replicas on one database), `fn` also
 * holds that lock, so a write of another process never overlaps either; the local queue comes
 * first, so a process waits on the shared lock with one request per key at most.
 */
export class FrameLocks {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly shared: SharedLock | undefined;

  constructor(shared?: SharedLock) {
    this.shared = shared;
  }

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const shared = this.shared;
    const task = shared === undefined ? fn : () => shared.run(key, fn);
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
