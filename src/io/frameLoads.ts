import { loadFrame } from './loadFrame.ts';
import type { LoadFrameEngine, LoadProgressEvent, LoadSummary } from './loadFrame.ts';
import type { PointFileKind } from '../domain/pointcloud/pointFileKind.ts';

/** Most frame streams running at once (the current frame always starts at once). */
const MAX_CONCURRENT = 2;

export interface RequestFrameOptions {
  /** The frame the user is looking at: starts now, ahead of prefetches. */
  current?: boolean;
  onProgress?: (event: LoadProgressEvent) => void;
}

/** A page's point streams: one load per frame however many callers ask, at most two at a time. */
export interface FrameLoads {
  /**
   * Loads a frame's points once, however many callers ask: a complete cached frame resolves at once
   * (for the frame being opened, once the worker holds its cloud too),
   * a frame already streaming (e.g. prefetched) is joined, otherwise a stream starts (at most
   * `MAX_CONCURRENT` at a time; prefetches wait their turn).
   */
  requestFrame(frameId: string, url: string, kind: PointFileKind, opts?: RequestFrameOptions): Promise<LoadSummary>;
  /** Stops reporting progress of a frame to its listener (the user moved on; the load continues). */
  detachProgress(frameId: string): void;
  /** Drops the waiting prefetches (never started) and every progress listener (the page is torn down). */
  dispose(): void;
}

/** The point streams of one page, into its frame cache through its worker. */
export function createFrameLoads(engine: LoadFrameEngine): FrameLoads {
  const { frameCache, worker } = engine;
  const inflight = new Map<string, Promise<LoadSummary>>();
  const listeners = new Map<string, (event: LoadProgressEvent) => void>();
  const queue: { frameId: string; start: () => void }[] = [];
  let active = 0;

  const promote = (frameId: string): void => {
    const i = queue.findIndex((q) => q.frameId === frameId);
    if (i >= 0) queue.splice(i, 1)[0].start();
  };
  const next = (): void => {
    while (active < MAX_CONCURRENT && queue.length > 0) queue.shift()!.start();
  };

  return {
    requestFrame(frameId, url, kind, opts = {}) {
      const cached = frameCache.get(frameId);
      if (cached?.complete && cached.summary) {
        const summary = cached.summary;
        // The worker's own cloud cache (for picking, fitting, point counts and the checks) evicts on its
        // own: make sure it holds the frame being opened, re-parsing the file if it had dropped it.
        if (!opts.current) return Promise.resolve(summary);
        return worker()
          .ensureFrame(frameId, url, kind)
          .then(() => summary);
      }
      if (opts.onProgress) listeners.set(frameId, opts.onProgress);
      const running = inflight.get(frameId);
      if (running) {
        if (opts.current) promote(frameId);
        return running;
      }
      const promise = new Promise<LoadSummary>((resolve, reject) => {
        const start = () => {
          active++;
          loadFrame(engine, frameId, url, kind, (event) => listeners.get(frameId)?.(event))
            .then((summary) => {
              const buffers = frameCache.peek(frameId);
              if (buffers) buffers.summary = summary;
              resolve(summary);
            }, reject)
            .finally(() => {
              active--;
              inflight.delete(frameId);
              listeners.delete(frameId);
              next();
            });
        };
        if (opts.current || active < MAX_CONCURRENT) start();
        else queue.push({ frameId, start });
      });
      inflight.set(frameId, promise);
      return promise;
    },
    detachProgress(frameId) {
      listeners.delete(frameId);
    },
    dispose() {
      queue.length = 0;
      listeners.clear();
      inflight.clear();
      active = 0;
    },
  };
}
