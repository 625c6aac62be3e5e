import type { PointCloud } from '../src/domain/types.ts';

const LIMIT = 3;

/** The worker's small LRU of parsed clouds, so requests about the current frames need no re-parse. */
class FrameClouds {
  private readonly map = new Map<string, PointCloud>();

  put(frameId: string, cloud: PointCloud): void {
    this.map.delete(frameId);
    this.map.set(frameId, cloud);
    while (this.map.size > LIMIT) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  get(frameId: string): PointCloud | undefined {
    const cloud = this.map.get(frameId);
    if (cloud) {
      this.map.delete(frameId);
      this.map.set(frameId, cloud);
    }
    return cloud;
  }

  delete(frameId: string): void {
    this.map.delete(frameId);
  }
}

export const frameClouds = new FrameClouds();
