import { createCuboid } from '../../../../src/domain/document/cuboidOps.ts';
import type { CreateCuboidInput } from '../../../../src/domain/document/cuboidOps.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import type { FrameBoxes } from '../../../../src/domain/sequence/tracks.ts';

/** A car of track `trackId` (bottom on z = −1.7), id `<trackId>@<x>` unless given. */
export function trackBox(trackId: string | null, x: number, input: Partial<CreateCuboidInput> = {}): Cuboid {
  return createCuboid({
    id: `${trackId ?? 'none'}@${x}`,
    trackId,
    label: 'Car',
    center: [x, 0, -0.95],
    size: [4, 1.8, 1.5],
    yaw: 0,
    source: 'manual',
    ...input,
  });
}

/** Frames `f0`, `f1`, ... with the given boxes. */
export function frames(...boxes: Cuboid[][]): FrameBoxes[] {
  return boxes.map((cuboids, i) => ({ frameId: `f${i}`, cuboids }));
}

export const keyframe = { attributes: { keyframe: true } };
