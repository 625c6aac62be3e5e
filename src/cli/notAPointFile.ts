import { parseKittiCalib } from '../domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../domain/kitti/parseKittiLabel.ts';

const POINT_FILES = 'inspect describes point files (.pcd, .bin, .pcd.bin, .ply, .las, .laz)';

/** Whether the bytes open as a PCD header does (a comment, or a header keyword first). */
export function looksLikePcd(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64)).trimStart();
  return /^(#|VERSION|FIELDS)/.test(head);
}

/**
 * The error `cuboid inspect` gives a file that is no point file. A KITTI calib or label file is
 * named as one, and read: a broken one gets its parser's error (line and field), a good one an
 * error saying what it holds. Anything else: an error listing what inspect reads. Each is exit 1,
 * as for any file inspect cannot read as a point cloud.
 */
export function notAPointFile(bytes: Uint8Array, fileName: string): Error {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 20));
  if (/^\s*(P[0-3]|R0_rect|Tr_velo_to_cam)\s*:/m.test(text)) {
    try {
      const calib = parseKittiCalib(text, { fileName });
      const keys = (['P0', 'P1', 'P2', 'P3', 'R0_rect', 'Tr_velo_to_cam', 'Tr_imu_to_velo'] as const).filter((k) => calib[k] !== undefined);
      return new Error(`${fileName} is a KITTI calib file (${keys.join(', ')} read): ${POINT_FILES}`);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }
  const first = text.trimStart().split(/\s+/, 1)[0] ?? '';
  if (/^[A-Z][A-Za-z_]*$/.test(first) && text.trim().split(/\s+/).length >= 15) {
    try {
      const objects = parseKittiLabel(text, { fileName });
      const byClass = new Map<string, number>();
      for (const o of objects) byClass.set(o.type, (byClass.get(o.type) ?? 0) + 1);
      const classes = [...byClass].map(([c, n]) => `${c} ${n}`).join(', ');
      return new Error(`${fileName} is a KITTI label file (${objects.length} object${objects.length === 1 ? '' : 's'}: ${classes}): ${POINT_FILES}`);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }
  return new Error(`${fileName} is not a point file: ${POINT_FILES}`);
}
