/**
 * A pause the server asks of its background checks while a user waits on other work (a merge of
 * sweeps streaming to a page): a counter in a `SharedArrayBuffer` that the check threads read.
 * While it is above zero, a check stops at its next step (between the stages of the frame
 * analysis and between rules: `pauseWhileHeld`) and goes on when the last holder lets go. On a
 * 2-core machine a check of a whole frame beside a first merge of 50 sweeps had cost that merge
 * 0.3 s; lowering the check thread's priority (nice +5) does not help when each has a core, as
 * they still share the memory bus and caches. The thread is not stopped: a new one takes 2 s of a
 * core to load the rules.
 */
export class CheckPause {
  readonly buffer = new SharedArrayBuffer(4);
  private readonly count = new Int32Array(this.buffer);

  /** Holds the pause; the returned function lets go (once; later calls do nothing). */
  hold(): () => void {
    Atomics.add(this.count, 0, 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (Atomics.sub(this.count, 0, 1) === 1) Atomics.notify(this.count, 0);
    };
  }

  /** Whether anyone holds the pause. */
  get held(): boolean {
    return Atomics.load(this.count, 0) > 0;
  }
}

/** How long one wait lasts before the counter is read again (ms): a second holder does not notify. */
const WAIT_SLICE_MS = 100;

/**
 * In a check thread: a function that blocks while the pause in `buffer` is held, for at most
 * `budgetMs` in all (a task is never held up longer than that, whatever the holders do). Without
 * a buffer (a check run outside the pool) it returns at once.
 */
export function pauseWhileHeld(buffer: SharedArrayBuffer | undefined, budgetMs: number): () => void {
  if (buffer === undefined) return () => undefined;
  const count = new Int32Array(buffer);
  let left = budgetMs;
  return () => {
    while (left > 0) {
      const held = Atomics.load(count, 0);
      if (held <= 0) return;
      const start = performance.now();
      Atomics.wait(count, 0, held, Math.min(left, WAIT_SLICE_MS));
      left -= Math.max(1, performance.now() - start);
    }
  };
}
