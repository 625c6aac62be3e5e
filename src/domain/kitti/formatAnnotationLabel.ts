import type { FrameAnnotation } from '../document/FrameAnnotation.ts';
import { isBoxClass } from '../document/className.ts';
import type { KittiCalib } from './KittiCalib.ts';
import { kittiError } from './KittiError.ts';
import { cuboidToKitti } from './cuboidToKitti.ts';
import { dismissalToDontCare } from './dismissalToDontCare.ts';
import { formatKittiLabel } from './formatKittiLabel.ts';

/**
 * The KITTI `label_2` text of an annotation document, with the frame's calib (null: the
 * no-camera convention) and image 2 size `[width, height]` in pixels: its boxes, its DontCare
 * regions, and a DontCare line for each "not an object" dismissal that projects into the image
 * (`dismissalToDontCare`; none without a real calibration). The served label file and the export
 * both come from here.
 *
 * @throws KittiError naming the box when a box's class is `DontCare` (any case): written as such
 *   it would turn into a region KITTI readers ignore, so the box would silently vanish from
 *   training (validation refuses that class on save; this guards documents stored before that).
 */
export function formatAnnotationLabel(doc: FrameAnnotation, calib: KittiCalib | null, imageSize: [number, number]): string {
  const objects = doc.cuboids.map((c, i) => {
    if (!isBoxClass(c.label)) {
      throw kittiError(
        'formatAnnotationLabel',
        { field: 'type' },
        `box ${i + 1} (${c.id}) has class "${c.label}": a DontCare line is a region to ignore, not a box; give it a real class`,
      );
    }
    return cuboidToKitti(c, calib, { imageSize });
  });
  const dismissed = (doc.dismissals ?? []).flatMap((d) => dismissalToDontCare(d, calib, imageSize) ?? []);
  return formatKittiLabel([...objects, ...doc.dontCare, ...dismissed]);
}
