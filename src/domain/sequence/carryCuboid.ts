import type { Cuboid, CuboidAttributes } from '../types.ts';
import type { CuboidShape } from '../geometry/CuboidShape.ts';
import { newCuboidId, normalizeYaw } from '../document/cuboidOps.ts';
import { KEYFRAME_ATTRIBUTE, NEEDS_ATTENTION_ATTRIBUTE } from './trackAttributes.ts';

export interface CarryCuboidOptions {
  /** The track's box already in the target frame: its id is kept (the box is replaced in place). */
  existing?: Cuboid;
  /** Mark the box for attention (propagation kept a predicted box). Default false. */
  needsAttention?: boolean;
  /** Source of the new box. Default 'fit'. */
  source?: Cuboid['source'];
}

/**
 * The box of track `from.trackId` in another frame: `shape` (that frame's LiDAR frame: metres,
 * radians) with `from`'s label, track and attributes. The copy is never a keyframe; it carries
 * `needsAttention: true` when asked, and never a stale one otherwise. Imported-only fields
 * (`score`, `kitti2d`) are dropped: the geometry is new. The id is `existing.id` or a new one.
 */
export function carryCuboid(from: Cuboid, shape: CuboidShape, opts: CarryCuboidOptions = {}): Cuboid {
  const attributes: CuboidAttributes = { ...from.attributes };
  delete attributes[KEYFRAME_ATTRIBUTE];
  delete attributes[NEEDS_ATTENTION_ATTRIBUTE];
  if (opts.needsAttention) attributes[NEEDS_ATTENTION_ATTRIBUTE] = true;
  return {
    id: opts.existing?.id ?? newCuboidId(),
    trackId: from.trackId,
    label: from.label,
    center: [shape.center[0], shape.center[1], shape.center[2]],
    size: [shape.size[0], shape.size[1], shape.size[2]],
    yaw: normalizeYaw(shape.yaw),
    attributes,
    source: opts.source ?? 'fit',
  };
}
