/** How each sample frame's points are stored. */
export type SampleFormat = 'ascii' | 'binary' | 'binary_compressed' | 'bin';

/**
 * Point-file format per frame: a mix of PCD encodings (ascii only once and binary once: they are
 * big; binary_compressed is less than half of binary), and the last two frames as KITTI `.bin`. Frames beyond the list reuse it cyclically.
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
  'bin',
  'bin',
];

/** File name of frame `index` in `velodyne/` (`000003.pcd`, `000008.bin`). */
export function velodyneFileName(index: number, format: SampleFormat): string {
  return `${frameId(index)}.${format === 'bin' ? 'bin' : 'pcd'}`;
}

/** Six-digit KITTI frame id. */
export function frameId(index: number): string {
  return String(index).padStart(6, '0');
}
