import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import Piscina from 'piscina';
import { WIRE_DONE, type MergedDone } from '../../domain/lod/mergedWire.ts';
import type { MergeSweep, MergeTask } from './mergeTask.ts';
import { IDENTITY_POSE, type Pose } from '../../domain/poses/Pose.ts';
import type { MergedDisc } from '../../domain/lod/mergeSweeps.ts';
import { MAX_SWEEPS_EACH_SIDE } from '../../domain/lod/mergeSweeps.ts';

const WORKER = fileURLToPath(new URL('./mergeWorker.cjs', import.meta.url));

/**
 * Worker threads (piscina, one by default) that merge sweeps for the merged view (`mergeTask.ts`),
 * off the event loop: reading, moving and ranking 50 sweeps of 120k points is about a second of
 * CPU. Threads start on demand (or ahead, `warm`) and stop after 10 minutes idle.
 */
export class MergePool {
  private readonly pool: Piscina<MergeTask, MergedDone>;

  constructor(threads = 1) {
    this.pool = new Piscina<MergeTask, MergedDone>({
      filename: WORKER,
      minThreads: 0,
      maxThreads: Math.max(1, threads),
      // A thread's start loads the TypeScript loader and the merge's modules (about 2 s on a busy
      // 2-core machine): kept for 10 minutes between merges, and started ahead by `warm`.
      idleTimeout: 600_000,
      execArgv: [],
      atomics: 'disabled',
    });
    this.pool.on('error', () => undefined);
  }

  /**
   * Runs one merge; `onMessage` receives each encoded message (`mergedWire`) as the worker sends
   * it, in order. Resolves with the closing summary once every message was delivered; rejects
   * with the worker's error. When `signal` aborts (the client went away) the worker stops between
   * two sweeps and the summary says `cancelled`. With `near`, only the points in that disc (the
   * detail of a view zoomed in past the budget, `MergeTask.near`).
   */
  async run(
    sweeps: MergeSweep[],
    targetPose: Pose,
    budget: number,
    onMessage: (bytes: Uint8Array) => void,
    signal: AbortSignal,
    near?: MergedDisc,
    readOnly = false,
  ): Promise<MergedDone> {
    const { port1, port2 } = new MessageChannel();
    // The worker's last message on the port is the closing `done`: the task's answer can come back
    // on piscina's own channel before the port has delivered everything.
    let delivered: () => void = () => undefined;
    const last = new Promise<void>((resolve) => (delivered = resolve));
    port1.on('message', (bytes: Uint8Array) => {
      onMessage(bytes);
      if (bytes[0] === WIRE_DONE) delivered();
    });
    try {
      // Stopped from inside (between two sweeps), not by piscina's abort: that would end the thread.
      const cancel = (): void => port1.postMessage('cancel');
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
      const task: MergeTask = { sweeps, targetPose, budget, port: port2, ...(near ? { near } : {}), ...(readOnly ? { readOnly } : {}) };
      const done = await this.pool.run(task, { transferList: [port2] });
      signal.removeEventListener('abort', cancel);
      await last;
      return done;
    } finally {
      port1.close();
    }
  }

  /**
   * Reads the sweeps into the merge thread's memory, merging nothing (`MergeTask.readOnly`): a
   * merge of them asked for later only moves and ranks them. Stops between two sweeps when
   * `signal` aborts.
   */
  async readAhead(sweeps: MergeSweep[], signal: AbortSignal): Promise<MergedDone> {
    return this.run(sweeps, IDENTITY_POSE, 0, () => undefined, signal, undefined, true);
  }

  /**
   * Starts a thread, loads the merge's modules and runs its loops once now (on made-up points,
   * then on `sweep`, a real frame, so its file format's parser is compiled too), so the first
   * merge does not wait for them: its first batch came 290 ms after the request with cold
   * loops and parser, most of it parsing the open frame. Then it readies the thread's buffers for
   * the largest window of sweeps like that one (`reserveBuffers`).
   */
  warm(sweep?: MergeSweep): void {
    const once = (task: Omit<MergeTask, 'port'>): Promise<unknown> => {
      const { port1, port2 } = new MessageChannel();
      port1.unref();
      return this.pool
        .run({ ...task, port: port2 }, { transferList: [port2] })
        .catch(() => undefined)
        .finally(() => port1.close());
    };
    void once({ sweeps: [], targetPose: IDENTITY_POSE, budget: 100_000, warm: true }).then(() =>
      sweep ? once({ sweeps: [sweep], targetPose: sweep.pose, budget: 100_000, reserveSweeps: 2 * MAX_SWEEPS_EACH_SIDE + 1 }) : undefined,
    );
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
