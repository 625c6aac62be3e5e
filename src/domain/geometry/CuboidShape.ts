import type { Cuboid } from '../types.ts';

/**
 * The geometric part of a cuboid: enough for every function in `domain/geometry`, so that any
 * box-like object (a full `Cuboid`, a drag draft, a fit result) can be passed directly.
 * LiDAR frame: `center` is the geometric centre (metres), `size` is [length along heading,
 * width, height] (metres), `yaw` is radians about +z, counter-clockwise from +x.
 */
export type CuboidShape = Pick<Cuboid, 'center' | 'size' | 'yaw'>;
