import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parsePcd } from '../domain/pcd/parsePcd.ts';
import { readVelodyneBin } from '../domain/kitti/readVelodyneBin.ts';
import { countNonFinite, pointBounds } from '../domain/geometry/pointBounds.ts';
import type { PointCloud } from '../domain/types.ts';

export interface InspectReport {
  file: string;
  bytes: number;
  format: 'pcd' | 'kitti-bin';
  encoding: string;
  version: string | null;
  width: number | null;
  height: number | null;
  organized: boolean;
  fields: { name: string; type: string; size: number; count: number }[];
  points: number;
  nanPoints: number;
  bounds: { min: number[]; max: number[] } | null;
  viewpoint: number[] | null;
  warnings: string[];
}

/** Reads a point file (PCD or KITTI velodyne .bin) and describes it. Throws the parser's error on a broken file. */
export async function inspectFile(path: string): Promise<InspectReport> {
  const info = await stat(path);
  const bytes = new Uint8Array(await readFile(path));
  const fileName = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.bin') {
    const cloud = readVelodyneBin(bytes, { fileName });
    return {
      ...describe(cloud),
      file: path,
      bytes: info.size,
      format: 'kitti-bin',
      encoding: 'binary (float32 x y z reflectance)',
      version: null,
      width: null,
      height: null,
      organized: false,
      fields: ['x', 'y', 'z', 'intensity'].map((name) => ({ name, type: 'F', size: 4, count: 1 })),
      viewpoint: null,
      warnings: [],
    };
  }
  const cloud = parsePcd(bytes, { fileName });
  const h = cloud.header;
  return {
    ...describe(cloud),
    file: path,
    bytes: info.size,
    format: 'pcd',
    encoding: h.data,
    version: h.version,
    width: cloud.width,
    height: cloud.height,
    organized: cloud.height > 1,
    fields: h.fields.map((f) => ({ name: f.name, type: f.type, size: f.size, count: f.count })),
    viewpoint: cloud.viewpoint,
    warnings: h.warnings,
  };
}

function describe(cloud: PointCloud): { points: number; nanPoints: number; bounds: InspectReport['bounds'] } {
  const b = pointBounds(cloud.positions);
  return {
    points: cloud.count,
    nanPoints: countNonFinite(cloud.positions),
    bounds: b ? { min: [...b.min], max: [...b.max] } : null,
  };
}
