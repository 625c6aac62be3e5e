import type { Remote } from 'comlink';
import { groundHeightAt } from '../domain/geometry/estimateGround.ts';
import type { GroundModel } from '../domain/geometry/estimateGround.ts';
import type { PointCloudWorkerApi } from '../../workers/pointCloud.worker.ts';

const LIMIT = 8;

/**
 * Ground-height maps of a page's recently opened frames (a coarse grid the worker estimates once per
 * frame). Lookups are synchronous so a drag can commit a box on the ground in one step.
 */
export interface GroundCache {
  /** Asks the worker for the frame's ground map (after its points are loaded). */
  fetch(frameId: string): Promise<GroundModel | null>;
  /** Ground z (LiDAR frame, metres) at (x, y), or null when the frame's map is not known yet. */
  groundZ(frameId: string, x: number, y: number): number | null;
  /** Forgets every map. */
  clear(): void;
}

/** The ground maps of one page, asked of its point-cloud worker (`worker`); the last 8 frames are kept. */
export function createGroundCache(worker: () => Remote<PointCloudWorkerApi>): GroundCache {
  const models = new Map<string, GroundModel>();
  return {
    async fetch(frameId) {
      const model = await worker().ground(frameId);
      if (model) {
        models.delete(frameId);
        models.set(frameId, model);
        while (models.size > LIMIT) models.delete(models.keys().next().value as string);
      }
      return model;
    },
    groundZ(frameId, x, y) {
      const model = models.get(frameId);
      return model ? groundHeightAt(model, x, y) : null;
    },
    clear: () => models.clear(),
  };
}
