import { PassThrough, Readable } from 'node:stream';
import { frameParamsSchema, mergedQuerySchema } from '../../domain/api/requestSchemas.ts';
import { sweepWindow } from '../../domain/lod/mergeSweeps.ts';
import { WIRE_DONE, encodeDone, encodeError, encodeHead } from '../../domain/lod/mergedWire.ts';
import type { MergedDone } from '../../domain/lod/mergedWire.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { MergePool } from '../merge/MergePool.ts';
import type { MergeSweep } from '../merge/mergeTask.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

/** Merges kept whole for a repeated request (about 16 MB each at the default budget), for at most CACHE_MS. */
const CACHED = 2;
/**
 * A kept merge is dropped after this long: its key names each sweep's file and size as the dataset
 * scan saw them, so a point file rewritten in place at the same size is seen by the next merge
 * after 5 minutes at the latest.
 */
const CACHE_MS = 5 * 60_000;
const DEFAULT_BUDGET = 2_000_000;

/**
 * `GET /api/frames/:id/merged?sweeps=N&budget=B`: the frame's sweep and up to N before and after
 * it (`sweepWindow`: same sequence, with poses), moved through the ego poses into its LiDAR frame
 * and streamed in level-of-detail order (`mergedWire`: the head, the open frame's coarse points
 * first, progress per sweep, the refinement up to B points, then `done`). The merge runs in a
 * worker thread (`MergePool`); the last merges are kept and answered again from memory. With
 * `prefetch=1` nothing is streamed: the merge is made into that memory (202, also while it is
 * under way), unless it is there already or another merge is streaming (204); a streamed request
 * stops the merges made ahead. 409
 * `no_pose` when the frame has no pose to merge by; a sweep that cannot be read is named in `done`.
 */
export function registerMergedRoute(app: ZodApp, ctx: RouteContext, pool: MergePool): void {
  const { poses } = ctx;
  /** Finished merges by key: their messages but the closing summary, and that summary. */
  const cache = new Map<string, { at: number; messages: Uint8Array[]; done: MergedDone }>();
  /** Merges streaming to a page now, and the keys being merged ahead (`prefetch=1`). */
  let running = 0;
  const prefetching = new Map<string, AbortController>();
  // A dataset with poses may be merged: its merge thread is started now, not on the first request.
  void poses
    .get()
    .then((p) => {
      const id = ctx.service.dataset.ids().find((i) => p.frames[i] !== undefined);
      const frame = id === undefined ? undefined : ctx.service.dataset.get(id);
      if (id !== undefined && frame) pool.warm({ frame, pose: p.frames[id].pose, time: 0 });
    })
    .catch(() => undefined);
  app.get(
    '/api/frames/:id/merged',
    { schema: { params: frameParamsSchema, querystring: mergedQuerySchema, description: 'merged sweeps around the frame, streamed coarse first (binary)' } },
    async (request, reply) => {
      const frame = frameFromParams(ctx, request.params);
      const n = request.query.sweeps;
      const budget = request.query.budget ?? DEFAULT_BUDGET;
      const all = await poses.get();
      const ids = ctx.service.dataset.ids();
      const index = ids.indexOf(frame.id);
      const window = sweepWindow(
        ids.map((id) => all.frames[id] ?? null),
        index,
        n,
      );
      if (window.length === 0) {
        const why = all.warnings?.length ? all.warnings.join('; ') : 'the dataset has no ego pose for this frame (poses.txt, oxts or ego_pose)';
        throw new HttpError(409, 'no_pose', `frame "${frame.id}" cannot be merged with its neighbours: ${why}`);
      }
      const sweeps: MergeSweep[] = [];
      for (const i of window) {
        const f = ctx.service.dataset.get(ids[i]);
        if (f) sweeps.push({ frame: f, pose: all.frames[ids[i]]!.pose, time: i - index });
      }
      const key = `${frame.id}|${window.join(',')}|${budget}|${sweeps.map((s) => `${s.frame.points.path}:${s.frame.points.bytes}`).join(',')}`;
      reply.header('Content-Type', 'application/octet-stream').header('Cache-Control', 'no-store');
      const entry = cache.get(key);
      const hit = entry !== undefined && Date.now() - entry.at <= CACHE_MS ? entry : undefined;
      if (entry !== undefined && hit === undefined) cache.delete(key);
      if (hit && request.query.prefetch === true) return reply.code(204).send();
      if (hit) return reply.send(Readable.from([...hit.messages, encodeDone({ ...hit.done, cached: true })].map(toBuffer)));
      /** Runs the merge, each message to `onMessage` as it comes, and keeps it unless it was stopped. */
      const merge = async (onMessage: (bytes: Uint8Array) => void, signal: AbortSignal): Promise<void> => {
        const head = encodeHead({ offsets: sweeps.map((s) => s.time), budget });
        const messages: Uint8Array[] = [head];
        onMessage(head);
        const done = await pool.run(
          sweeps,
          all.frames[frame.id]!.pose,
          budget,
          (bytes) => {
            if (bytes[0] !== WIRE_DONE) messages.push(bytes);
            onMessage(bytes);
          },
          signal,
        );
        if (done.cancelled === true) return;
        cache.set(key, { at: Date.now(), messages, done });
        while (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
      };
      if (request.query.prefetch === true) {
        // Merged ahead into the cache (the page asks for the next frame once its merge is shown),
        // only when no other merge is running, and stopped when one is asked for: never in front
        // of a merge someone waits for.
        if (prefetching.has(key)) return reply.code(202).send();
        if (running > 0) return reply.code(204).send();
        const stop = new AbortController();
        prefetching.set(key, stop);
        merge(() => undefined, stop.signal)
          .catch(() => undefined)
          .finally(() => prefetching.delete(key));
        return reply.code(202).send();
      }
      for (const stop of prefetching.values()) stop.abort();
      const out = new PassThrough();
      const abort = new AbortController();
      // The page went away (a newer merge, another frame): the merge stops.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      running++;
      merge((bytes) => out.write(toBuffer(bytes)), abort.signal)
        .catch((err: unknown) => {
          if (!abort.signal.aborted)
            out.write(toBuffer(encodeError(`merging the sweeps of frame ${frame.id} failed: ${err instanceof Error ? err.message : String(err)}`)));
        })
        .finally(() => {
          out.end();
          running--;
        });
      return reply.send(out);
    },
  );
}

/** The bytes as a Buffer over the same memory. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
