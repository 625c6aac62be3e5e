/**
 * Per-key async mutex: `run(key, fn)` starts `fn` after every earlier `run` with the same key has
 * settled. Used so that label writes of one frame never overlap (a slower, older write could
 * otherwise rename over a newer one).
 */
export class FrameLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
