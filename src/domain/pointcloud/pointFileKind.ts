/**
 * The point-file formats Cuboid reads, named by file extension: PCD, raw float32 `.bin` (KITTI,
 * nuScenes `.pcd.bin`, ...), PLY, LAS and LAZ (compressed LAS).
 */
export type PointFileKind = 'pcd' | 'bin' | 'ply' | 'las' | 'laz';

/** The kind of a point file by its name (case-insensitive); null for any other extension. */
export function pointFileKindOf(fileName: string): PointFileKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.bin')) return 'bin';
  if (lower.endsWith('.pcd')) return 'pcd';
  if (lower.endsWith('.ply')) return 'ply';
  if (lower.endsWith('.las')) return 'las';
  if (lower.endsWith('.laz')) return 'laz';
  return null;
}
