/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { loadPointStream } from './loadPointStream.ts';
import type { LoadEvent, LoadSummary } from './loadPointStream.ts';
import { frameClouds } from './frameClouds.ts';
import { pickPointNearRay } from '../src/domain/geometry/pickPointNearRay.ts';
import type { Vec3 } from '../src/domain/types.ts';

const api = {
  /**
   * Fetches a point file as a stream, parses it in chunks, and reports batches (transferred) through `onEvent`.
   * Keeps the parsed cloud for later requests about the same frame (fitting, counting).
   */
  async loadFrame(
    frameId: string,
    url: string,
    kind: 'pcd' | 'bin',
    onEvent: (event: LoadEvent) => void,
  ): Promise<LoadSummary> {
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
  /** The LiDAR point under a view ray (the point nearest the camera in a thin cone), or null. */
  pickPoint(frameId: string, origin: Vec3, direction: Vec3): Vec3 | null {
    const cloud = frameClouds.get(frameId);
    if (!cloud) return null;
    const i = pickPointNearRay(cloud.positions, origin, direction);
    if (i < 0) return null;
    const p = cloud.positions;
    return [p[i * 3], p[i * 3 + 1], p[i * 3 + 2]];
  },
  forget(frameId: string): void {
    frameClouds.delete(frameId);
  },
};

export type PointCloudWorkerApi = typeof api;
expose(api);
