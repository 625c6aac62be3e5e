/** How each sample frame's points are stored. */
export type SampleFormat = 'ascii' | 'binary' | 'binary_compressed' | 'bin';

/**
 * Point-file format per frame: a mix of PCD encodings (ascii only once and binary once: they are
 * big; binary_compressed is half of binary), and the last frame as KITTI `.bin`. Frames beyond
 * the list reuse it cyclically.
 */
export const SAMPLE_FORMATS: readonly SampleFormat[] = [
  'binary',
  'binary_compressed',
  'ascii',
  'binary_compressed',
  'binary_compressed',
  'binary_compressed',
  'binary_compressed',
  'binary_compressed',
  'binary_compressed',
  'bin',
];

/**
 * Point attributes written after x y z in a PCD frame of this format: intensity, ring and t, but
 * only intensity in the ascii frame (PCL's PointXYZI layout), whose text would otherwise be 3.5×
 * the size of a compressed frame.
 */
export function pcdAttributesFor(format: SampleFormat): string[] {
  return format === 'ascii' ? ['intensity'] : ['intensity', 'ring', 't'];
}

/** File name of frame `index` in `velodyne/` (`000003.pcd`, `000008.bin`). */
export function velodyneFileName(index: number, format: SampleFormat): string {
  return `${frameId(index)}.${format === 'bin' ? 'bin' : 'pcd'}`;
}

/** Six-digit KITTI frame id. */
export function frameId(index: number): string {
  return String(index).padStart(6, '0');
}
