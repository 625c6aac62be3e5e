import type { PointCloud } from '../src/domain/types.ts';
import { buildPointGrid } from '../src/domain/geometry/PointGrid.ts';
import type { PointGrid } from '../src/domain/geometry/PointGrid.ts';
import type { GroundModel } from '../src/domain/geometry/estimateGround.ts';
import { groundAndSensor } from '../src/domain/sensor/groundAndSensor.ts';
import { ringOf } from '../src/domain/sensor/ringOf.ts';
import type { ScanSensor } from '../src/domain/sensor/ScanSensor.ts';

const LIMIT = 3;

/** A parsed frame kept in the worker, with its spatial index and ground built on first need. */
export interface FrameEntry {
  cloud: PointCloud;
  grid: () => PointGrid;
  ground: () => GroundModel;
  /** The sensor model read from the scan (origin, beams, resolution), beside the ground. */
  sensor: () => ScanSensor;
}

function entryFor(cloud: PointCloud): FrameEntry {
  let grid: PointGrid | null = null;
  let both: { ground: GroundModel; sensor: ScanSensor } | null = null;
  const bothOf = (): { ground: GroundModel; sensor: ScanSensor } => (both ??= groundAndSensor(cloud.positions, { ring: ringOf(cloud) }));
  return {
    cloud,
    grid: () => (grid ??= buildPointGrid(cloud.positions)),
    ground: () => bothOf().ground,
    sensor: () => bothOf().sensor,
  };
}

/**
 * The worker's small LRU of parsed clouds, so requests about the current frames need no re-parse.
 * The open frame is pinned: prefetched frames finishing after it cannot push it out.
 */
class FrameClouds {
  private readonly map = new Map<string, FrameEntry>();
  /** The frame open in the editor: never evicted, whatever prefetches land after it. */
  private pinned: string | null = null;

  /** Marks the frame open in the editor (null: none). */
  pin(frameId: string | null): void {
    this.pinned = frameId;
  }

  put(frameId: string, cloud: PointCloud): FrameEntry {
    this.map.delete(frameId);
    const entry = entryFor(cloud);
    this.map.set(frameId, entry);
    while (this.map.size > LIMIT) {
      let oldest: string | undefined;
      for (const id of this.map.keys()) {
        if (id !== this.pinned) {
          oldest = id;
          break;
        }
      }
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
    return entry;
  }

  get(frameId: string): FrameEntry | undefined {
    const entry = this.map.get(frameId);
    if (entry) {
      this.map.delete(frameId);
      this.map.set(frameId, entry);
    }
    return entry;
  }

  delete(frameId: string): void {
    this.map.delete(frameId);
  }
}

export const frameClouds = new FrameClouds();
