import { groundHeightAt } from '../domain/geometry/estimateGround.ts';
import type { GroundModel } from '../domain/geometry/estimateGround.ts';
import { getPointCloudWorker } from './pointCloudWorker.ts';

const models = new Map<string, GroundModel>();
const LIMIT = 8;

/**
 * Ground-height maps of recently opened frames (a coarse grid the worker estimates once per
 * frame). Lookups are synchronous so a drag can commit a box on the ground in one step.
 */
export const groundCache = {
  /** Asks the worker for the frame's ground map (after its points are loaded). */
  async fetch(frameId: string): Promise<GroundModel | null> {
    const model = await getPointCloudWorker().ground(frameId);
    if (model) {
      models.delete(frameId);
      models.set(frameId, model);
      while (models.size > LIMIT) models.delete(models.keys().next().value as string);
    }
    return model;
  },

  /** Ground z (LiDAR frame, metres) at (x, y), or null when the frame's map is not known yet. */
  groundZ(frameId: string, x: number, y: number): number | null {
    const model = models.get(frameId);
    return model ? groundHeightAt(model, x, y) : null;
  },
};
