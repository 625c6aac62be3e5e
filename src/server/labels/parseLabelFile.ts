import type { KittiObject } from '../../domain/kitti/KittiObject.ts';
import { parseKittiLabel } from '../../domain/kitti/parseKittiLabel.ts';
import { FrameFileError } from '../dataset/FrameFileError.ts';
import { checkLabelForImport } from '../import/checkLabelForImport.ts';

/**
 * Parses a label file held to the save rules (class names, at most 10,000 boxes: see
 * `checkLabelForImport`), turning any problem into a `FrameFileError` naming the file and line.
 */
export function parseLabelFile(text: string, fileName: string): KittiObject[] {
  try {
    const objects = parseKittiLabel(text, { fileName });
    checkLabelForImport(text, objects, fileName);
    return objects;
  } catch (err) {
    throw new FrameFileError('label_invalid', errorMessage(err));
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
