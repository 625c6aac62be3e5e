import path from 'node:path';
import { scaleHolding } from '../../domain/pointcloud/intensityScale.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { frameFileSize, readFrameFile } from '../dataset/frameFiles.ts';
import { binToKittiBin } from './binToKittiBin.ts';
import type { KittiBin } from './cloudToKittiBin.ts';
import { pcdToKittiBin } from './pcdToKittiBin.ts';
import { pointFileToKittiBin } from './pointFileToKittiBin.ts';

/** Bytes of one KITTI velodyne record: x, y, z, reflectance as little-endian float32. */
const KITTI_RECORD_BYTES = 16;

/** A frame's points as a KITTI tree export writes them: copied as they are, written as read, converted or rewritten. */
export type PreparedPoints =
  | { kind: 'copy'; source: string }
  | { kind: 'read'; bin: Uint8Array; intensityScale: number | null }
  | ({ kind: 'converted'; format: 'pcd' | 'ply' | 'las' | 'laz' } & KittiBin)
  | ({ kind: 'rewritten'; layout: string } & KittiBin);

/**
 * Reads and converts a frame's points when they are not KITTI `xyzi` already (or hold non-finite
 * points, or intensities past 1 when they are rescaled); checks a copied file is readable.
 */
export async function preparePoints(frame: DatasetFrame, bin: boolean, keepIntensity: boolean): Promise<PreparedPoints> {
  const { points } = frame;
  // Every read goes through the frame's source: confined to the dataset folder (unless the server follows symlinks), like the routes'.
  if (points.format === 'pcd' && bin) {
    const result = pcdToKittiBin(new Uint8Array(await readFrameFile(frame, points.path)), path.basename(points.path), keepIntensity);
    return { kind: 'converted', format: 'pcd', ...result };
  }
  if ((points.format === 'ply' || points.format === 'las' || points.format === 'laz') && bin) {
    const result = await pointFileToKittiBin(new Uint8Array(await readFrameFile(frame, points.path)), points.format, path.basename(points.path), keepIntensity);
    return { kind: 'converted', format: points.format, ...result };
  }
  if (points.format === 'bin' && points.binLayout !== null && points.binLayout.name !== 'xyzi') {
    // KITTI readers take 16-byte x y z intensity records only: another layout is rewritten, never copied.
    const result = binToKittiBin(new Uint8Array(await readFrameFile(frame, points.path)), points.binLayout.name, path.basename(points.path), keepIntensity);
    return { kind: 'rewritten', layout: points.binLayout.name, ...result };
  }
  if (points.format === 'bin') {
    // A KITTI .bin is written as read (once), unless it holds points with a non-finite coordinate
    // (the readers would take them in) or, rescaling, reflectances past KITTI's 1 (0–255 from a converter).
    const bytes = new Uint8Array(await readFrameFile(frame, points.path));
    const size = bytes.byteLength;
    if (size % KITTI_RECORD_BYTES !== 0) {
      // A KITTI reader would stop at (or misread) the partial record: the frame is skipped, not written.
      const trailing = size - (size % KITTI_RECORD_BYTES);
      throw new Error(
        `${path.basename(points.path)}: size ${size} bytes is not a multiple of ${KITTI_RECORD_BYTES} (x y z reflectance as float32); ` +
          `${size % KITTI_RECORD_BYTES} trailing bytes at byte offset ${trailing}`,
      );
    }
    const scan = scanKittiBin(bytes);
    const scale = Number.isFinite(scan.maxIntensity) ? scaleHolding(scan.maxIntensity) : null;
    if (scan.finite && (keepIntensity || scale === 1)) return { kind: 'read', bin: bytes, intensityScale: scale };
    return { kind: 'rewritten', layout: 'xyzi', ...binToKittiBin(bytes, 'xyzi', path.basename(points.path), keepIntensity) };
  }
  await frameFileSize(frame, points.path);
  return { kind: 'copy', source: points.path };
}

/** Whether every x, y and z of KITTI `xyzi` records (float32 little-endian) is finite, and the largest finite reflectance. */
function scanKittiBin(bytes: Uint8Array): { finite: boolean; maxIntensity: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let finite = true;
  let maxIntensity = -Infinity;
  for (let o = 0; o + KITTI_RECORD_BYTES <= bytes.byteLength; o += KITTI_RECORD_BYTES) {
    if (!Number.isFinite(view.getFloat32(o, true)) || !Number.isFinite(view.getFloat32(o + 4, true)) || !Number.isFinite(view.getFloat32(o + 8, true)))
      finite = false;
    const r = view.getFloat32(o + 12, true);
    if (r > maxIntensity && r !== Infinity) maxIntensity = r;
  }
  return { finite, maxIntensity };
}
