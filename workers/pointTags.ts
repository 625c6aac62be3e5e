import { boxOfEachPoint } from '../src/domain/geometry/boxOfEachPoint.ts';
import { groundMask } from '../src/domain/geometry/groundMask.ts';
import type { CuboidShape } from '../src/domain/geometry/CuboidShape.ts';
import { finiteOnly } from '../src/domain/pointcloud/finiteOnly.ts';
import type { FrameEntry } from './frameClouds.ts';

/**
 * The box number of each point (0 outside every box, `k` inside `boxes[k - 1]`), in render order
 * (finite points only, as the viewer's buffers hold them).
 */
export function renderedBoxOfEachPoint(entry: FrameEntry, boxes: readonly CuboidShape[]): Uint16Array {
  const positions = entry.cloud.positions;
  return finiteOnly(boxOfEachPoint(positions, boxes, entry.grid()), positions);
}

/** The frame's ground points (1) by its ground model, in render order. */
export function renderedGroundMask(entry: FrameEntry): Uint8Array {
  const positions = entry.cloud.positions;
  return finiteOnly(groundMask(positions, entry.ground()), positions);
}
