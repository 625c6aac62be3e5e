import { parseKittiLabel } from '../../domain/kitti/parseKittiLabel.ts';
import type { DatasetFrame } from './Dataset.ts';
import { imageFileSize } from './imageFileSize.ts';

/** KITTI's typical image 2 size, used when a frame has no readable image (pixels, [width, height]). */
export const DEFAULT_IMAGE_SIZE: [number, number] = [1242, 375];

/**
 * `[width, height]` of the frame's image 2 in pixels from its PNG or JPEG header
 * (`imageFileSize`), or the KITTI default 1242×375 when there is no image or it does not read.
 */
export async function readImageSize(frame: DatasetFrame): Promise<[number, number]> {
  if (frame.image === null) return DEFAULT_IMAGE_SIZE;
  try {
    return (await imageFileSize(frame, frame.image.path)) ?? DEFAULT_IMAGE_SIZE;
  } catch {
    return DEFAULT_IMAGE_SIZE;
  }
}

/**
 * Boxes of a KITTI label text for the frame list: its lines that read as an object on their own
 * and are not DontCare. A file with one bad line still counts its good ones (the list says the
 * labels do not read; the count is not inflated by the bad line).
 */
export function countLabelBoxes(text: string): number {
  let n = 0;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('DontCare ')) continue;
    try {
      if (parseKittiLabel(t).some((o) => o.type !== 'DontCare')) n++;
    } catch {
      // Not a box: the label's problem says which line and why.
    }
  }
  return n;
}
