import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import { HttpError } from '../http/HttpError.ts';
import type { CheckLimits } from './checkLimits.ts';
import { CheckPause } from './CheckPause.ts';
import { DEFAULT_CHECK_LIMITS, formatMs } from './checkLimits.ts';
import type { CheckAnswer, CheckRequest, CheckTask, CheckedFrame } from './checkTask.ts';
import type { NuscenesTableAnswer, NuscenesTableTask } from '../dataset/layouts/nuscenesTableTask.ts';
import type { ExportFileAnswer, ExportFileTask } from '../export/exportFileTask.ts';

export interface CheckPoolOptions extends Partial<CheckLimits> {
  /** Worker threads; default the cores less one (the event loop keeps one), at least 1. */
  threads?: number;
  /** Checks waiting for a thread before new ones are refused (503); default 64 per thread; `Infinity` for none. */
  maxQueue?: number;
  /**
   * JavaScript heap of one worker thread, MiB (V8's old generation; typed arrays of points come on
   * top). A check that needs more is stopped and answered 422 `frame_too_large`. Default 2048.
   */
  memoryMb?: number;
  /**
   * Start one thread now and keep it (`cuboid serve`): its rules load at start-up instead of when
   * the frame list's first summary is asked for, which is when a user opens a frame and
   * turns on sweeps (loading took 1–2 s of a core). Default false: threads start on demand.
   */
  keepThread?: boolean;
}

/** Default heap of a check worker, MiB: a 10 M-point frame with 10,000 boxes fits. */
const DEFAULT_MEMORY_MB = 2048;

const WORKER = fileURLToPath(new URL('./checkWorker.cjs', import.meta.url));

/**
 * A pool of worker threads (piscina) that runs frame checks off the event loop: each task reads
 * the frame's files, analyses the points and runs the rules in a worker (`checkTask.ts`), within
 * a time limit (queue wait included; the worker is stopped when it is exceeded) and size limits
 * (points, boxes). Threads start on demand (one at once with `keepThread`) and stop after 30 s idle.
 */
export class CheckPool {
  readonly limits: CheckLimits;
  readonly threads: number;
  /** Heap limit of each worker thread, MiB. */
  readonly memoryMb: number;
  private readonly pool: Piscina<CheckTask, CheckAnswer>;
  /** Held while a user waits on other work: frame checks pause at their next step (`CheckPause`). */
  private readonly pause = new CheckPause();
  /** Checks running or waiting for a thread, at most `threads + maxQueue`. */
  private inFlight = 0;
  private readonly maxInFlight: number;

  constructor(opts: CheckPoolOptions = {}) {
    this.limits = {
      timeMs: opts.timeMs ?? DEFAULT_CHECK_LIMITS.timeMs,
      maxPoints: opts.maxPoints ?? DEFAULT_CHECK_LIMITS.maxPoints,
      maxBoxes: opts.maxBoxes ?? DEFAULT_CHECK_LIMITS.maxBoxes,
    };
    this.threads = Math.max(1, Math.floor(opts.threads ?? os.availableParallelism() - 1));
    // Counted here rather than by piscina's maxQueue, which does not count tasks waiting for a starting thread.
    this.maxInFlight = this.threads + (opts.maxQueue ?? 64 * this.threads);
    this.memoryMb = opts.memoryMb ?? DEFAULT_MEMORY_MB;
    this.pool = new Piscina<CheckTask, CheckAnswer>({
      filename: WORKER,
      minThreads: opts.keepThread === true ? 1 : 0,
      maxThreads: this.threads,
      idleTimeout: 30_000,
      // A clean worker: it registers the TypeScript loader itself (checkWorker.cjs).
      execArgv: [],
      atomics: 'disabled',
      workerData: { pause: this.pause.buffer },
      // A frame whose check would take the process's memory ends its own worker instead (ERR_WORKER_OUT_OF_MEMORY).
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    // The pool reports on itself: the answer of a check that was just stopped (time limit, a strict
    // run ending) arriving late, or a worker's error between tasks. Neither belongs to a running
    // check, and unheard they would end the process.
    this.pool.on('error', () => undefined);
  }

  /**
   * Runs one task. Resolves with the worker's answer (a checked frame, or one refused as
   * unreadable or too large); rejects with an `HttpError` 422 `frame_too_large` when the worker
   * runs out of its heap (`memoryMb`), 503 when the time limit passes
   * (`check_timeout`), the queue is full (`checks_busy`) or the worker died (`check_failed`,
   * e.g. out of memory). Every message names the frame.
   */
  async run(task: CheckRequest, signal?: AbortSignal): Promise<CheckAnswer> {
    const frameId = task.frame.id;
    if (this.inFlight >= this.maxInFlight) {
      throw new HttpError(503, 'checks_busy', `frame ${frameId} was not checked: ${this.inFlight} checks are already running or waiting`, { frameId });
    }
    this.inFlight++;
    // No timer for an unlimited run (`cuboid check`).
    const timeout = Number.isFinite(this.limits.timeMs) ? AbortSignal.timeout(this.limits.timeMs) : new AbortController().signal;
    const abort = signal === undefined ? timeout : AbortSignal.any([timeout, signal]);
    try {
      return await this.pool.run({ ...task, limits: this.limits }, { signal: abort });
    } catch (err) {
      if (timeout.aborted) {
        throw new HttpError(
          503,
          'check_timeout',
          `checking frame ${frameId} took longer than the server's limit of ${formatMs(this.limits.timeMs)}; it was stopped`,
          { frameId, limitMs: this.limits.timeMs },
        );
      }
      if (signal?.aborted === true) throw err;
      if ((err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new HttpError(
          422,
          'frame_too_large',
          `checking frame ${frameId} needed more memory than the server's limit of ${this.memoryMb} MiB per check; it was stopped`,
          { frameId, limitMb: this.memoryMb },
        );
      }
      const message = err instanceof Error ? err.message : String(err);
      throw new HttpError(503, 'check_failed', `the check of frame ${frameId} failed in its worker: ${message}`, { frameId });
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Pauses the frame checks (not the submit gate) at their next step until the returned function
   * is called, each for at most 5 s in all: a merge of sweeps a page waits on gets the cores.
   */
  holdChecks(): () => void {
    return this.pause.hold();
  }

  /**
   * Runs a dataset task on a pool thread (parsing a nuScenes dataset's tables at the scan,
   * `nuscenesTableTask.ts`), the table bytes transferred. No check limits apply; a task that
   * outgrows the worker heap (`memoryMb`) rejects with the worker's error.
   */
  async runDatasetTask(task: NuscenesTableTask): Promise<NuscenesTableAnswer> {
    // Only buffers a table owns whole are moved (a small file's bytes may share Node's buffer pool: copied).
    const transferList = new Set<ArrayBuffer>();
    for (const f of Object.values(task.files))
      if (f.buffer instanceof ArrayBuffer && f.byteOffset === 0 && f.byteLength === f.buffer.byteLength) transferList.add(f.buffer);
    return (await this.pool.run(task as unknown as CheckTask, { transferList: [...transferList] })) as unknown as NuscenesTableAnswer;
  }

  /**
   * Reads (and converts) one frame's point file for an export on a pool thread
   * (`exportFileTask.ts`). No check limits apply; the answer carries a file's error as its message.
   */
  async runExportFile(task: ExportFileTask): Promise<ExportFileAnswer> {
    return (await this.pool.run(task as unknown as CheckTask)) as unknown as ExportFileAnswer;
  }

  /** Stops every thread; running and queued checks are rejected. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * A checked frame, or the `HttpError` a server route answers for one that was not checked:
 * 422 `frame_unreadable` naming the file, or 422 `frame_too_large` naming the frame and the limit.
 */
export function checkedOrThrow(answer: CheckAnswer, frameId: string): CheckedFrame {
  if (answer.ok) return answer;
  if (answer.reason === 'too_large') throw new HttpError(422, 'frame_too_large', answer.message, { frameId, limit: answer.limit });
  throw new HttpError(422, 'frame_unreadable', answer.message, { frameId });
}
