/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { loadPointStream } from './loadPointStream.ts';
import type { LoadEvent, LoadSummary } from './loadPointStream.ts';
import { frameClouds } from './frameClouds.ts';
import { pickPointNearRay } from '../src/domain/geometry/pickPointNearRay.ts';
import { fitCuboid } from '../src/domain/geometry/fitCuboid.ts';
import type { FitCuboidOptions, FitResult } from '../src/domain/geometry/fitCuboid.ts';
import { pointsInCuboids } from '../src/domain/geometry/pointsInCuboids.ts';
import { projectLidarPoints } from '../src/domain/kitti/projectToImage.ts';
import type { KittiCalib } from '../src/domain/kitti/KittiCalib.ts';
import { nearPoints } from './nearPoints.ts';
import { hiddenMask } from '../src/domain/geometry/hiddenMask.ts';
import type { NearFilters } from '../src/domain/geometry/hiddenMask.ts';
import type { CuboidShape } from '../src/domain/geometry/CuboidShape.ts';
import type { GroundModel } from '../src/domain/geometry/estimateGround.ts';
import type { Vec3 } from '../src/domain/types.ts';
import { ensureFrameCloud } from './fetchCloud.ts';
import { propagateInFrame } from './propagate.ts';
import { renderedBoxOfEachPoint, renderedGroundMask } from './pointTags.ts';
import type { PointFileKind } from '../src/domain/pointcloud/pointFileKind.ts';
import type { PropagateItem, PropagateOptions, PropagatedBox } from './propagate.ts';

/** A fit as the worker returns it: `fitCuboid`'s result without the point indices. */
export type WorkerFitResult = Omit<FitResult, 'indices'>;

const api = {
  /**
   * Fetches a point file as a stream, parses it in chunks, and reports batches (transferred) through `onEvent`.
   * Keeps the parsed cloud for later requests about the same frame (fitting, picking, ground).
   */
  async loadFrame(frameId: string, url: string, kind: PointFileKind, onEvent: (event: LoadEvent) => void): Promise<LoadSummary> {
    const { summary, cloud } = await loadPointStream(url, kind, frameId, (event) => {
      if (event.type === 'batch') {
        const b = event.batch;
        const buffers: ArrayBuffer[] = [b.positions.buffer as ArrayBuffer];
        for (const s of Object.values(b.scalars)) buffers.push(s.buffer as ArrayBuffer);
        if (b.colors) buffers.push(b.colors.buffer as ArrayBuffer);
        onEvent(transfer(event, buffers));
      } else {
        onEvent(event);
      }
    });
    frameClouds.put(frameId, cloud);
    return summary;
  },

  /** The frame's ground-height map (a coarse grid; small, copied). */
  ground(frameId: string): GroundModel | null {
    return frameClouds.get(frameId)?.ground() ?? null;
  },

  /** The LiDAR point under a view ray (the point nearest the camera in a thin cone), or null. */
  pickPoint(frameId: string, origin: Vec3, direction: Vec3): Vec3 | null {
    const entry = frameClouds.get(frameId);
    if (!entry) return null;
    const p = entry.cloud.positions;
    const i = pickPointNearRay(p, origin, direction);
    return i < 0 ? null : [p[i * 3], p[i * 3 + 1], p[i * 3 + 2]];
  },

  /** One-click fit: a box fitted to the cluster at `point` (see `fitCuboid`), or null. */
  fit(
    frameId: string,
    point: Vec3,
    options: { label: string; prior?: CuboidShape; headingIndex?: number } & Pick<
      FitCuboidOptions,
      'previousCenter' | 'sensorOrigin' | 'trafficSide' | 'reach' | 'exclude'
    >,
  ): WorkerFitResult | null {
    const entry = frameClouds.get(frameId);
    if (!entry) return null;
    const result = fitCuboid(
      entry.cloud.positions,
      { x: point[0], y: point[1], z: point[2] },
      {
        label: options.label,
        prior: options.prior,
        headingIndex: options.headingIndex,
        previousCenter: options.previousCenter,
        sensorOrigin: options.sensorOrigin,
        trafficSide: options.trafficSide,
        reach: options.reach,
        exclude: options.exclude,
        grid: entry.grid(),
        ground: entry.ground(),
        sensor: entry.sensor(),
      },
    );
    if (!result) return null;
    const { center, size, yaw, pointCount, headingCandidates, headingSource, confidence, topSeen } = result;
    return { center, size, yaw, pointCount, headingCandidates, headingSource, confidence, topSeen };
  },

  /** Points inside each box (for the inspector's live count), or null if the frame is not loaded. */
  countPoints(frameId: string, boxes: CuboidShape[]): number[] | null {
    const entry = frameClouds.get(frameId);
    if (!entry) return null;
    const { counts } = pointsInCuboids(entry.cloud.positions, boxes, { grid: entry.grid(), withIndices: false });
    return Array.from(counts);
  },

  /**
   * The frame's points projected into image 2 (u, v, depth per point; NaN u/v behind the camera),
   * at most `maxPoints` of them (evenly decimated), transferred.
   */
  projectPoints(frameId: string, calib: KittiCalib, maxPoints = 200_000): Float32Array | null {
    const entry = frameClouds.get(frameId);
    if (!entry) return null;
    const all = entry.cloud.positions;
    const n = all.length / 3;
    const step = Math.max(1, Math.ceil(n / maxPoints));
    let positions = all;
    if (step > 1) {
      positions = new Float32Array(Math.ceil(n / step) * 3);
      for (let i = 0, j = 0; i < n; i += step, j++) positions.set(all.subarray(i * 3, i * 3 + 3), j * 3);
    }
    const uvd = projectLidarPoints(positions, calib);
    return transfer(uvd, [uvd.buffer as ArrayBuffer]);
  },

  /**
   * Copies of the points within `margin` metres of a box (positions, and the colour source as
   * float32 or rgb bytes), transferred: the close-up views and the full-density layer near the
   * selection draw these while the overview may be decimated. With `filters`, also which of them
   * the ground and hidden-box filters hide (`hidden`, 1 = hidden; see `hiddenMask`), so the
   * close-ups obey the same filters as the overview.
   */
  pointsNearBox(
    frameId: string,
    box: CuboidShape,
    margin: number,
    colorMode: string,
    filters?: NearFilters,
  ): { positions: Float32Array; values: Float32Array | null; colors: Uint8Array | null; hidden: Uint8Array | null } | null {
    const entry = frameClouds.get(frameId);
    if (!entry) return null;
    const { indices } = pointsInCuboids(entry.cloud.positions, [box], { grid: entry.grid(), margin });
    const near = nearPoints(entry.cloud, indices[0], colorMode);
    const hidden = filters
      ? hiddenMask(near.positions, { ground: filters.ground ? entry.ground() : undefined, boxes: filters.boxes, hidden: filters.hidden })
      : null;
    const buffers: ArrayBuffer[] = [near.positions.buffer as ArrayBuffer];
    if (near.values) buffers.push(near.values.buffer as ArrayBuffer);
    if (near.colors) buffers.push(near.colors.buffer as ArrayBuffer);
    if (hidden) buffers.push(hidden.buffer as ArrayBuffer);
    return transfer({ ...near, hidden }, buffers);
  },

  /**
   * Which box each rendered point falls in (0 none, `k` = `boxes[k - 1]`; render order, finite
   * points only), transferred; null if the frame is not loaded. The viewer colours and hides by it.
   */
  boxOfEachPoint(frameId: string, boxes: CuboidShape[]): Uint16Array | null {
    const entry = frameClouds.get(frameId);
    if (!entry) return null;
    const out = renderedBoxOfEachPoint(entry, boxes);
    return transfer(out, [out.buffer as ArrayBuffer]);
  },

  /** The frame's ground points (1, by its ground model; render order), transferred; null if not loaded. */
  groundMask(frameId: string): Uint8Array | null {
    const entry = frameClouds.get(frameId);
    if (!entry) return null;
    const out = renderedGroundMask(entry);
    return transfer(out, [out.buffer as ArrayBuffer]);
  },

  /** Parses a whole frame into the cache if absent (no batches; for propagation into other frames). */
  ensureFrame(frameId: string, url: string, kind: PointFileKind): Promise<{ count: number; cached: boolean }> {
    return ensureFrameCloud(frameId, url, kind);
  },

  /** Carries boxes from frame `fromFrameId` into `toFrameId` (see `propagateInFrame`); null if the target is not cached. */
  propagate(fromFrameId: string, toFrameId: string, items: PropagateItem[], opts: PropagateOptions = {}): PropagatedBox[] | null {
    const target = frameClouds.get(toFrameId);
    return target ? propagateInFrame(target, frameClouds.get(fromFrameId), items, opts) : null;
  },

  /**
   * Sends a copy of the frame's positions (file order, NaN points included) and its sensor model
   * straight to another worker through `port`, so the main thread never copies a large cloud.
   */
  sendPositions(frameId: string, port: MessagePort): boolean {
    const entry = frameClouds.get(frameId);
    if (!entry) {
      port.close();
      return false;
    }
    const positions = entry.cloud.positions.slice();
    // The sensor model goes along, so the checks and the fit judge the scan by the same one.
    port.postMessage({ frameId, positions, sensor: entry.sensor() }, [positions.buffer]);
    port.close();
    return true;
  },

  forget(frameId: string): void {
    frameClouds.delete(frameId);
  },

  /** The frame open in the editor, kept whatever else loads (checks and fits ask for it). */
  setCurrentFrame(frameId: string | null): void {
    frameClouds.pin(frameId);
  },
};

export type PointCloudWorkerApi = typeof api;
expose(api);
