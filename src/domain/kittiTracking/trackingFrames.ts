import type { KittiCalib } from '../kitti/KittiCalib.ts';
import type { KittiObject } from '../kitti/KittiObject.ts';
import { kittiToCuboid } from '../kitti/kittiToCuboid.ts';
import type { Cuboid } from '../types.ts';
import { trackingTrackId, type TrackingLabel } from './parseTrackingLabels.ts';

/** One frame's shipped labels in the app's terms: LiDAR-frame boxes with track ids, and DontCare regions. */
export interface ShippedFrameLabels {
  cuboids: Cuboid[];
  dontCare: KittiObject[];
}

/**
 * A frame's tracking labels as LiDAR-frame boxes (`kittiToCuboid` with the sequence's calib):
 * track ids `t<id>-s<SEQ>`, box ids `<frameId>#<line>` (stable across reads of the same file),
 * DontCare lines kept aside.
 */
export function trackingFrameLabels(labels: readonly TrackingLabel[], sequence: string, frameId: string, calib: KittiCalib | null): ShippedFrameLabels {
  const cuboids: Cuboid[] = [];
  const dontCare: KittiObject[] = [];
  for (const l of labels) {
    if (l.object.type === 'DontCare') dontCare.push(l.object);
    else cuboids.push(kittiToCuboid(l.object, calib, { id: `${frameId}#${l.line}`, trackId: trackingTrackId(sequence, l.trackId) }));
  }
  return { cuboids, dontCare };
}
