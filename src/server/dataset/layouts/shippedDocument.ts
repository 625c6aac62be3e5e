import { emptyAnnotation, type FrameAnnotation } from '../../../domain/document/FrameAnnotation.ts';
import type { ShippedLabels } from './SequenceScan.ts';

/**
 * A frame's shipped labels (KITTI tracking rows, nuScenes annotations) as a document: its boxes
 * (LiDAR frame, with track ids) and DontCare regions, copied so the scan's copy stays as read.
 */
export function shippedDocument(frameId: string, shipped: ShippedLabels): FrameAnnotation {
  return { ...emptyAnnotation(frameId), cuboids: structuredClone(shipped.cuboids), dontCare: structuredClone(shipped.dontCare) };
}
