import { PassThrough, Readable } from 'node:stream';
import { frameParamsSchema, mergedQuerySchema } from '../../domain/api/requestSchemas.ts';
import { sweepWindow } from '../../domain/lod/mergeSweeps.ts';
import { WIRE_DONE, encodeDone, encodeError, encodeHead } from '../../domain/lod/mergedWire.ts';
import type { MergedDone } from '../../domain/lod/mergedWire.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { MergePool } from '../merge/MergePool.ts';
import type { MergeSweep } from '../merge/mergeTask.ts';
import type { MergedDisc } from '../../domain/lod/mergeSweeps.ts';
import type { Pose } from '../../domain/poses/Pose.ts';
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
 * stops the other merges made ahead, and follows one of its own window (what it sent so far, then
 * the rest: `done.joined`). With `read=1` nothing is merged: the sweeps are read into the merge
 * thread's memory (202), so that a merge asked for next (the annotator turning sweeps on) only
 * moves and ranks them; 204 while a merge streams or another read is under way, and any merge
 * asked for stops the read between two sweeps. With `near=x,y,r`, only the merged points within r metres of (x, y),
 * every one up to B, merged anew (no cache): the detail of a view zoomed in past the budget. 409
 * `no_pose` when the frame has no pose to merge by; a sweep that cannot be read is named in `done`.
 * While a page waits on a merge (streamed or near, not merged ahead), `holdChecks` pauses the
 * server's background checks (`CheckPool.holdChecks`) until the response ends.
 */
export function registerMergedRoute(app: ZodApp, ctx: RouteContext, pool: MergePool, holdChecks: () => () => void = () => () => undefined): void {
  const { poses } = ctx;
  /** Finished merges by key: their messages but the closing summary, and that summary. */
  const cache = new Map<string, { at: number; messages: Uint8Array[]; done: MergedDone }>();
  /** Merges under way, by key: streamed to pages (followers) or merged ahead (`ahead`). */
  const live = new Map<string, LiveMerge>();
  const streaming = (): boolean => [...live.values()].some((m) => !m.ahead);
  /** The sweeps being read ahead (`read=1`), stopped by any merge asked for. */
  let reading: AbortController | null = null;
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
      if (request.query.read === true) {
        if (request.query.prefetch === true || request.query.near !== undefined)
          throw new HttpError(400, 'bad_request', 'read: reading the sweeps ahead goes alone (leave out prefetch and near)');
        // Never in front of a merge someone waits for, and one read at a time.
        if (streaming() || reading !== null) return reply.code(204).send();
        const stop = new AbortController();
        reading = stop;
        pool
          .readAhead(sweeps, stop.signal)
          .catch(() => undefined)
          .finally(() => {
            if (reading === stop) reading = null;
          });
        return reply.code(202).send();
      }
      // A merge asked for goes first: the sweeps read so far stay read.
      reading?.abort();
      reading = null;
      reply.header('Content-Type', 'application/octet-stream').header('Cache-Control', 'no-store');
      /** A page waits on this response: the background checks step aside until it ends. */
      const waitedOn = (): void => {
        reply.raw.once('close', holdChecks());
      };
      const near = request.query.near;
      if (near !== undefined) {
        if (request.query.prefetch === true) throw new HttpError(400, 'bad_request', 'near: the detail of a disc is not merged ahead (leave out prefetch)');
        waitedOn();
        return reply.send(streamNear(pool, sweeps, all.frames[frame.id]!.pose, budget, near, frame.id, reply.raw));
      }
      const key = `${frame.id}|${window.join(',')}|${budget}|${sweeps.map((s) => `${s.frame.points.path}:${s.frame.points.bytes}`).join(',')}`;
      const entry = cache.get(key);
      const hit = entry !== undefined && Date.now() - entry.at <= CACHE_MS ? entry : undefined;
      if (entry !== undefined && hit === undefined) cache.delete(key);
      if (hit && request.query.prefetch === true) return reply.code(204).send();
      if (hit) return reply.send(Readable.from([...hit.messages, encodeDone({ ...hit.done, cached: true })].map(toBuffer)));
      /** Starts the merge: its messages go to its followers as they come; once complete it is kept. */
      const start = (ahead: boolean): LiveMerge => {
        const m: LiveMerge = {
          messages: [encodeHead({ offsets: sweeps.map((s) => s.time), budget })],
          followers: new Set(),
          stop: new AbortController(),
          ahead,
        };
        live.set(key, m);
        pool
          .run(
            sweeps,
            all.frames[frame.id]!.pose,
            budget,
            (bytes) => {
              // The summary goes out once the run is over (below), with how each follower came.
              if (bytes[0] === WIRE_DONE) return;
              m.messages.push(bytes);
              for (const f of m.followers) f.write(bytes);
            },
            m.stop.signal,
          )
          .then((done) => {
            if (done.cancelled === true) return;
            cache.set(key, { at: Date.now(), messages: m.messages, done });
            while (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
            for (const f of m.followers) f.write(encodeDone(f.joined ? { ...done, joined: true } : done));
          })
          .catch((err: unknown) => {
            if (m.stop.signal.aborted) return;
            const e = encodeError(`merging the sweeps of frame ${frame.id} failed: ${err instanceof Error ? err.message : String(err)}`);
            for (const f of m.followers) f.write(e);
          })
          .finally(() => {
            if (live.get(key) === m) live.delete(key);
            for (const f of m.followers) f.end();
          });
        return m;
      };
      const running = live.get(key);
      if (request.query.prefetch === true) {
        // Merged ahead into the cache (the page asks for the next frame once its merge is shown),
        // only when no merge is streaming, and stopped when another one is asked for: never in
        // front of a merge someone waits for.
        if (running) return reply.code(202).send();
        if (streaming()) return reply.code(204).send();
        start(true);
        return reply.code(202).send();
      }
      waitedOn();
      for (const [k, m] of live) if (m.ahead && k !== key) m.stop.abort();
      // A merge of this very window made ahead and still under way is followed, not begun again:
      // what it sent so far first, then the rest as it comes.
      const joined = running !== undefined && !running.stop.signal.aborted;
      const m = joined ? running : start(false);
      m.ahead = false;
      const out = new PassThrough();
      for (const bytes of m.messages) out.write(toBuffer(bytes));
      const follower: Follower = { joined, write: (bytes) => out.write(toBuffer(bytes)), end: () => out.end() };
      m.followers.add(follower);
      // The page went away (a newer merge, another frame): the merge stops, unless another page follows it.
      reply.raw.once('close', () => {
        if (reply.raw.writableFinished) return;
        m.followers.delete(follower);
        if (m.followers.size === 0) m.stop.abort();
      });
      return reply.send(out);
    },
  );
}

/**
 * The merged points in a disc, streamed as they come from the merge thread (head, progress, the
 * points, done); the merge stops when the page goes away (`close`).
 */
function streamNear(
  pool: MergePool,
  sweeps: MergeSweep[],
  pose: Pose,
  budget: number,
  near: MergedDisc,
  frameId: string,
  raw: NodeJS.WritableStream,
): PassThrough {
  const out = new PassThrough();
  const stop = new AbortController();
  out.write(toBuffer(encodeHead({ offsets: sweeps.map((s) => s.time), budget })));
  raw.once('close', () => stop.abort());
  pool
    .run(sweeps, pose, budget, (bytes) => out.write(toBuffer(bytes)), stop.signal, near)
    .catch((err: unknown) => {
      if (!stop.signal.aborted)
        out.write(
          toBuffer(
            encodeError(`merging the sweeps near (${near.x}, ${near.y}) of frame ${frameId} failed: ${err instanceof Error ? err.message : String(err)}`),
          ),
        );
    })
    .finally(() => out.end());
  return out;
}

/** A page's request following a merge. */
interface Follower {
  /** It came while the merge was under way (merged ahead). */
  joined: boolean;
  write: (bytes: Uint8Array) => void;
  end: () => void;
}

/** A merge under way: what it sent so far (from the head on, without the summary) and who follows it. */
interface LiveMerge {
  messages: Uint8Array[];
  followers: Set<Follower>;
  stop: AbortController;
  /** Merged ahead, with no page waiting for it. */
  ahead: boolean;
}

/** The bytes as a Buffer over the same memory. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
