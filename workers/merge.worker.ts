/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { pickInGrid } from '../src/domain/lod/pickInGrid.ts';
import { buildPointGrid } from '../src/domain/geometry/PointGrid.ts';
import type { PointGrid } from '../src/domain/geometry/PointGrid.ts';
import { fitCuboid } from '../src/domain/geometry/fitCuboid.ts';
import type { GroundModel } from '../src/domain/geometry/estimateGround.ts';
import type { ScanSensor } from '../src/domain/sensor/ScanSensor.ts';
import type { Vec3 } from '../src/domain/types.ts';
import { hiddenMask } from '../src/domain/geometry/hiddenMask.ts';
import { pointsInCuboids } from '../src/domain/geometry/pointsInCuboids.ts';
import type { CuboidShape } from '../src/domain/geometry/CuboidShape.ts';
import type { HideFilters } from '../src/domain/geometry/hiddenMask.ts';
import { MergedStreamDecoder } from '../src/domain/lod/mergedWire.ts';
import type { MergedDone, WireMessage } from '../src/domain/lod/mergedWire.ts';
import type { WorkerFitResult } from './pointCloud.worker.ts';
import { HeldPoints } from './heldPoints.ts';

/** A slice of the merged cloud in level-of-detail order (coarse first), transferred. */
export interface MergedBatch {
  start: number;
  positions: Float32Array;
  time: Float32Array;
}

/**
 * What the merge streams back, in order: `sweeps` after each sweep is in; `batch` slices of the
 * level-of-detail order (coarse points of each sweep as it arrives, then the refinement up to the
 * point budget); `done` once every batch was sent (`sent` points in all, `count` in the merge).
 */
export type MergeEvent =
  { type: 'sweeps'; done: number; total: number } | { type: 'batch'; batch: MergedBatch } | { type: 'done'; count: number; sent: number; coarse: number };

export interface MergeSummary {
  key: string;
  count: number;
  sweeps: number;
  skipped: string[];
  /** Server time: reading + moving + ranking the sweeps, and the refinement order once all are in (ms). */
  gatherMs: number;
  orderMs: number;
  /** Time from the request to the first batch decoded here (ms), and on the server to its first batch sent. */
  firstBatchMs: number;
  /** Time from the request to the server's response headers, in the page's worker (ms). */
  headersMs: number;
  serverFirstBatchMs: number;
  /** Whether the server answered from its cache of recent merges, or followed a merge it had begun ahead. */
  cached: boolean;
  joined: boolean;
}

/** Points per 0.4 m voxel kept for picking and fitting (about one sweep's density near the sensor). */
const HELD_RANKS = 8;

/** The server's reason for a refused request (its JSON `detail`), else the status. */
async function errorOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    if (typeof detail === 'string') return detail;
  } catch {
    // not JSON: the status says it
  }
  return `the server answered ${response.status} ${response.statusText}`;
}

/**
 * Fetches a merged stream (`mergedWire`) and hands each message to `handle` as it is decoded;
 * `onHeaders` once the response is in. Returns the bytes of an unfinished message left at the
 * end, or null once `cancelled()` (a newer request).
 * @throws Error naming the server's answer when the request fails, or what `handle` throws
 */
async function streamWire(
  url: string,
  signal: AbortSignal,
  cancelled: () => boolean,
  handle: (m: WireMessage) => void,
  onHeaders: () => void = () => undefined,
): Promise<number | null> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (err) {
    if (cancelled()) return null;
    throw err;
  }
  onHeaders();
  if (!response.ok || response.body === null) throw new Error(await errorOf(response));
  const reader = response.body.getReader();
  const decoder = new MergedStreamDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (cancelled()) return null;
      if (done) break;
      for (const m of decoder.push(value)) handle(m);
    }
  } catch (err) {
    if (cancelled()) return null;
    throw err;
  }
  return decoder.pending;
}

/** Points sent to the view, in the order sent, for the visibility filters' mask (room for the budget). */
interface SentPoints {
  key: string;
  positions: Float32Array;
  count: number;
}

/** Keeps a batch's points where they go in `sent` (while they fit) and hands the batch to the view, transferred. */
function forward(batch: { start: number; positions: Float32Array; time: Float32Array }, sent: SentPoints, onEvent: (e: MergeEvent) => void): void {
  const { start, positions, time } = batch;
  if ((start + time.length) * 3 <= sent.positions.length) {
    sent.positions.set(positions, start * 3);
    sent.count = start + time.length;
  }
  onEvent(transfer({ type: 'batch', batch: { start, positions, time } }, [positions.buffer as ArrayBuffer, time.buffer as ArrayBuffer]));
}

interface Held {
  key: string;
  positions: Float32Array;
  grid: PointGrid | null;
  zRange: [number, number];
}

/**
 * One stream of points to the view: its request, aborted when a newer one begins or on `release`,
 * and the points it sent (x y z, target LiDAR frame, metres, in the order sent) for the visibility
 * filters' mask.
 */
class StreamSlot {
  sent: SentPoints | null = null;
  private generation = 0;
  private request: AbortController | null = null;

  /** Starts a stream of up to `budget` points for `key`, cancelling the one under way. */
  begin(key: string, budget: number): { signal: AbortSignal; cancelled: () => boolean; sent: SentPoints; end: () => void } {
    const mine = ++this.generation;
    this.request?.abort();
    const abort = new AbortController();
    this.request = abort;
    const sent = { key, positions: new Float32Array(Math.max(0, budget) * 3), count: 0 };
    this.sent = sent;
    return {
      signal: abort.signal,
      cancelled: () => mine !== this.generation,
      sent,
      end: () => {
        if (this.request === abort) this.request = null;
      },
    };
  }

  /** Cancels the stream under way and forgets what it sent. */
  release(): void {
    this.generation++;
    this.request?.abort();
    this.request = null;
    this.sent = null;
  }
}

let held: Held | null = null;
/** Whether a fit has run in this worker (`prepare`). */
let fitWarmed = false;
/** The merge, and the detail around the view's focus (`near`). */
const mergeStream = new StreamSlot();
const nearStream = new StreamSlot();
/** Discs streamed whole before and kept by the page for a view that looks there again (trimmed to what was sent), by key. */
const keptNear = new Map<string, SentPoints>();

function gridOf(h: Held): PointGrid {
  if (!h.grid) {
    let lo = Infinity;
    let hi = -Infinity;
    const p = h.positions;
    for (let i = 2; i < p.length; i += 3) {
      if (p[i] < lo) lo = p[i];
      if (p[i] > hi) hi = p[i];
    }
    h.zRange = [lo, hi];
    h.grid = buildPointGrid(p);
  }
  return h.grid;
}

const api = {
  /**
   * Streams the merged cloud from `url` (`GET /api/frames/:id/merged`: merged on the server, in
   * level-of-detail order, `mergedWire`) and passes it on as it arrives: each batch to the view
   * (transferred), progress per sweep, `done` at the end. Keeps the points of rank below
   * HELD_RANKS (at most that many a voxel) for picking and fitting, and every point sent for the
   * visibility mask. A newer `merge` call (or `release`) cancels this one and its request.
   * @throws Error naming the server's answer when the request fails or the stream breaks off
   */
  async merge(key: string, url: string, budget: number, onEvent: (e: MergeEvent) => void): Promise<MergeSummary | null> {
    held = null;
    const stream = mergeStream.begin(key, budget);
    const t0 = performance.now();
    const keep = new HeldPoints();
    let firstBatchMs = NaN;
    let sweeps = 0;
    let done: MergedDone | null = null;
    const handle = (m: WireMessage): void => {
      if (m.type === 'head') sweeps = m.head.offsets.length;
      else if (m.type === 'progress') onEvent({ type: 'sweeps', done: m.done, total: m.total });
      else if (m.type === 'error') throw new Error(m.message);
      else if (m.type === 'done') done = m.done;
      else {
        keep.add(m.batch.positions, m.batch.rank, HELD_RANKS);
        if (Number.isNaN(firstBatchMs)) firstBatchMs = performance.now() - t0;
        forward(m.batch, stream.sent, onEvent);
      }
    };
    let headersMs = NaN;
    const pending = await streamWire(url, stream.signal, stream.cancelled, handle, () => (headersMs = performance.now() - t0));
    if (pending === null) return null;
    stream.end();
    const summary = done as MergedDone | null;
    if (summary === null) throw new Error(`the merged stream from the server ended early (${pending} bytes of an unfinished message)`);
    onEvent({ type: 'done', count: summary.count, sent: summary.sent, coarse: summary.coarse });
    held = { key, positions: keep.positions(), grid: null, zRange: [0, 0] };
    return {
      key,
      count: summary.count,
      sweeps,
      skipped: summary.skipped,
      gatherMs: summary.gatherMs,
      orderMs: summary.orderMs,
      firstBatchMs,
      headersMs,
      serverFirstBatchMs: summary.firstBatchMs,
      cached: summary.cached,
      joined: summary.joined === true,
    };
  },

  /**
   * Streams every merged point in a disc (`url`: `GET /api/frames/:id/merged?…&near=x,y,r`) as
   * `batch` events, then `done`: the detail of a view zoomed in past the point budget, drawn over
   * the merge. Keeps the points for the visibility filters' mask (`hiddenMask(key)`); a newer
   * `near` (or `release`) cancels it. Returns the points sent, or null when cancelled.
   * @throws Error naming the server's answer when the request fails or the stream breaks off
   */
  async near(key: string, url: string, budget: number, onEvent: (e: MergeEvent) => void): Promise<number | null> {
    const stream = nearStream.begin(key, budget);
    let done: MergedDone | null = null;
    const handle = (m: WireMessage): void => {
      if (m.type === 'error') throw new Error(m.message);
      if (m.type === 'done') done = m.done;
      if (m.type === 'batch') forward(m.batch, stream.sent, onEvent);
    };
    const pending = await streamWire(url, stream.signal, stream.cancelled, handle);
    if (pending === null) return null;
    stream.end();
    const summary = done as MergedDone | null;
    if (summary === null) throw new Error(`the merged detail from the server ended early (${pending} bytes of an unfinished message)`);
    const sent = stream.sent;
    keptNear.set(key, { key, positions: sent.positions.slice(0, sent.count * 3), count: sent.count });
    onEvent({ type: 'done', count: summary.count, sent: summary.sent, coarse: 0 });
    return summary.sent;
  },

  /**
   * Cancels the detail under way and forgets every disc but those in `keep` (the page keeps the
   * last few for a view that looks there again; none when the merge itself goes).
   */
  releaseNear(keep: readonly string[] = []): void {
    nearStream.release();
    for (const k of [...keptNear.keys()]) if (!keep.includes(k)) keptNear.delete(k);
  },

  /** Nothing: called once the page settles, so the worker's module is loaded before the first merge needs it. */
  warm(): boolean {
    return true;
  },

  /**
   * Builds the merged cloud's grid now (else the first pick or fit does) and, the first time, runs
   * one fit on it so the annotator's first click on the merge is not the one that compiles the fit
   * (30–40 ms of a first call); returns the time in ms.
   */
  prepare(key: string): number {
    if (held?.key !== key) return -1;
    const t = performance.now();
    const grid = gridOf(held);
    if (!fitWarmed && held.positions.length >= 3) {
      fitWarmed = true;
      const p = held.positions;
      fitCuboid(p, { x: p[0], y: p[1], z: p[2] }, { label: 'Car', grid });
    }
    return performance.now() - t;
  },

  /** The merged point under a view ray (target LiDAR frame), or null; see `pickInGrid`. */
  pick(key: string, origin: Vec3, direction: Vec3): { point: Vec3; ms: number } | null {
    if (held?.key !== key) return null;
    const t = performance.now();
    const i = pickInGrid(gridOf(held), held.zRange, origin, direction);
    const p = held.positions;
    return i < 0 ? null : { point: [p[i * 3], p[i * 3 + 1], p[i * 3 + 2]], ms: performance.now() - t };
  },

  /**
   * A one-click fit on the merged cloud (a static object seen from many places), with the open
   * frame's ground and sensor model (the merged cloud is in its frame); null when nothing is there.
   */
  fit(
    key: string,
    point: Vec3,
    opts: { label: string; ground?: GroundModel; sensor?: ScanSensor; reach?: number; exclude?: readonly CuboidShape[] },
  ): (WorkerFitResult & { ms: number }) | null {
    if (held?.key !== key) return null;
    const grid = gridOf(held);
    const t = performance.now();
    const r = fitCuboid(
      held.positions,
      { x: point[0], y: point[1], z: point[2] },
      { label: opts.label, grid, ground: opts.ground, sensor: opts.sensor, reach: opts.reach, exclude: opts.exclude },
    );
    if (!r) return null;
    const { center, size, yaw, pointCount, headingCandidates, headingSource, confidence, topSeen } = r;
    return { center, size, yaw, pointCount, headingCandidates, headingSource, confidence, topSeen, ms: performance.now() - t };
  },

  /**
   * The merged points kept for picking (up to 8 a 0.4 m voxel) in and around `box` (within
   * `margin`), for its close-up views, with those the ground and hidden-box filters hide flagged
   * (the open frame's ground); transferred. Null when the merge is not this one.
   */
  pointsNearBox(key: string, box: CuboidShape, margin: number, filters?: HideFilters): { positions: Float32Array; hidden: Uint8Array | null } | null {
    if (held?.key !== key) return null;
    const { indices } = pointsInCuboids(held.positions, [box], { grid: gridOf(held), margin });
    const idx = indices[0];
    const positions = new Float32Array(idx.length * 3);
    const p = held.positions;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k] * 3;
      positions[k * 3] = p[i];
      positions[k * 3 + 1] = p[i + 1];
      positions[k * 3 + 2] = p[i + 2];
    }
    const hidden = filters ? hiddenMask(positions, filters) : null;
    return transfer({ positions, hidden }, hidden ? [positions.buffer as ArrayBuffer, hidden.buffer as ArrayBuffer] : [positions.buffer as ArrayBuffer]);
  },

  /**
   * Which points sent to the view the ground and hidden-box filters hide (1), in the order sent,
   * transferred; null when the merge is not this one or nothing is hidden. The ground is the open
   * frame's model and the boxes are the open frame's (the merge is in its LiDAR frame): a static
   * object's points from every sweep fall in its box; a moving one's trail outside it stays shown.
   */
  hiddenMask(key: string, filters: HideFilters): Uint8Array | null {
    const points = [mergeStream.sent, nearStream.sent].find((p) => p?.key === key) ?? keptNear.get(key) ?? null;
    if (points === null) return null;
    const mask = hiddenMask(points.positions.subarray(0, points.count * 3), filters);
    return mask ? transfer(mask, [mask.buffer as ArrayBuffer]) : null;
  },

  /** Drops the merged cloud (the view went back to one sweep), and its detail. */
  release(): void {
    mergeStream.release();
    held = null;
    api.releaseNear();
  },
};

export type MergeWorkerApi = typeof api;
expose(api);
