import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { parsePcd } from '../domain/pcd/parsePcd.ts';
import { positionAxisOf } from '../domain/pcd/pcdElementTypes.ts';
import { readVelodyneBin } from '../domain/kitti/readVelodyneBin.ts';
import { countNonFinite, pointBounds } from '../domain/geometry/pointBounds.ts';
import type { PointCloud } from '../domain/types.ts';
import { BIN_LAYOUTS, binLayoutForFileName, type BinLayoutName } from '../domain/pointcloud/binLayouts.ts';
import { declaredChoice, detectedChoice, type BinLayoutChoice } from '../domain/pointcloud/BinLayoutChoice.ts';
import { detectBinLayout, type BinLayoutDetection } from '../domain/pointcloud/detectBinLayout.ts';
import { readDatasetFile } from '../server/dataset/datasetFile.ts';
import { looksLikePcd, notAPointFile } from './notAPointFile.ts';
import { describeOtherPointFile, type LasReport, type PlyReport } from './inspectOtherFormats.ts';
import { UsageError } from './exitCodes.ts';

export interface InspectReport {
  file: string;
  bytes: number;
  /** `kitti-bin` for a `.bin` read as KITTI `xyzi`, `bin` for another raw layout; `laz` is compressed LAS. */
  format: 'pcd' | 'kitti-bin' | 'bin' | 'ply' | 'las' | 'laz';
  encoding: string;
  version: string | null;
  width: number | null;
  height: number | null;
  organized: boolean;
  fields: { name: string; type: string; size: number; count: number }[];
  points: number;
  nanPoints: number;
  /** Min and max of x y z over finite points; null without finite points or without any x/y/z field. */
  bounds: { min: number[]; max: number[] } | null;
  /** Which of x, y, z the file stores (a missing axis reads as 0; none at all means no positions). */
  positionFields: string[];
  viewpoint: number[] | null;
  warnings: string[];
  /**
   * For a `.bin`: the layout it was read with and why; with detection, every layout the size fits
   * and its plausibility score (0..1, best first).
   */
  binLayout: (BinLayoutChoice & { fits: BinLayoutName[]; scores: { name: BinLayoutName; score: number }[] }) | null;
  /** For a `.ply`: its elements (the vertices are the points; others are skipped) and comments. */
  ply?: PlyReport;
  /** For a `.las`/`.laz`: point format, scale, offset, header bounds, VLRs and the LASzip description. */
  las?: LasReport;
}

export interface InspectOptions {
  /** `--bin-layout`: read a `.bin` with this layout instead of resolving one. */
  binLayout?: BinLayoutName | undefined;
}

/**
 * Reads a point file (PCD, PLY, LAS, LAZ or a raw `.bin`) and describes it. A `.bin` is read with `--bin-layout`,
 * else the `binLayout` of a `cuboid.json` in its folder or the folder above (a KITTI `velodyne/`),
 * else `xyzir` for `*.pcd.bin`, else the layout detection picks (the report says which fit and why).
 * Throws the parser's error on a broken file, and names the trailing bytes of a size no layout fits.
 * A file of another kind (a KITTI calib or label file, say) is named as such (`notAPointFile`).
 */
export async function inspectFile(path: string, opts: InspectOptions = {}): Promise<InspectReport> {
  const info = await stat(path);
  if (info.isDirectory()) {
    throw new UsageError(`${path} is a folder: inspect reads one point file (.pcd, .bin, .ply, .las, .laz); \`cuboid check ${path}\` checks a dataset folder`);
  }
  const bytes = new Uint8Array(await readFile(path));
  const fileName = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.ply' || ext === '.las' || ext === '.laz') {
    const other = await describeOtherPointFile(bytes, ext === '.ply' ? 'ply' : 'las', fileName);
    return { ...other.report, ...describe(other.cloud), file: path, bytes: info.size, binLayout: null };
  }
  if (ext === '.bin') {
    const { choice, detection } = await chooseLayout(path, bytes, opts.binLayout);
    const layout = BIN_LAYOUTS[choice.name];
    const cloud = readVelodyneBin(bytes, { fileName, layout: choice.name });
    return {
      ...describe(cloud),
      file: path,
      bytes: info.size,
      format: choice.name === 'xyzi' ? 'kitti-bin' : 'bin',
      encoding: `binary (float32 ${['x', 'y', 'z', ...layout.attributes].join(' ')}, layout ${choice.name})`,
      version: null,
      width: null,
      height: null,
      organized: false,
      fields: ['x', 'y', 'z', ...layout.attributes].map((name) => ({ name, type: 'F', size: 4, count: 1 })),
      positionFields: ['x', 'y', 'z'],
      viewpoint: null,
      warnings: choice.warning !== null ? [choice.warning] : [],
      binLayout: {
        ...choice,
        fits: detection?.fits ?? [choice.name],
        scores: detection?.scores.map((s) => ({ name: s.name, score: Math.round(s.score * 1000) / 1000 })) ?? [],
      },
    };
  }
  if (ext !== '.pcd' && !looksLikePcd(bytes)) throw notAPointFile(bytes, fileName);
  const cloud = parsePcd(bytes, { fileName });
  const h = cloud.header;
  const positionFields = ['x', 'y', 'z'].filter((a) => h.fields.some((f) => f.name === a && positionAxisOf(f.name, f.count) >= 0));
  const described = describe(cloud);
  return {
    ...described,
    // Without any x/y/z field every position is (0, 0, 0): there are no bounds to report.
    bounds: positionFields.length === 0 ? null : described.bounds,
    positionFields,
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
    binLayout: null,
  };
}

async function chooseLayout(
  path: string,
  bytes: Uint8Array,
  flag: BinLayoutName | undefined,
): Promise<{ choice: BinLayoutChoice; detection: BinLayoutDetection | null }> {
  if (flag !== undefined) return { choice: declaredChoice(flag, 'flag', 'set by --bin-layout'), detection: null };
  for (const dir of [dirname(path), dirname(dirname(path))]) {
    const file = await readDatasetFile(dir);
    if (file?.settings.binLayout !== undefined) {
      return { choice: declaredChoice(file.settings.binLayout, 'dataset-file', `set by ${file.path}`), detection: null };
    }
  }
  const byName = binLayoutForFileName(path);
  if (byName !== null) return { choice: declaredChoice(byName, 'file-name', 'the file name ends in .pcd.bin (nuScenes)'), detection: null };
  const detection = detectBinLayout([{ fileName: basename(path), fileSize: bytes.byteLength, bytes }]);
  return { choice: detectedChoice(detection, basename(path)), detection };
}

function describe(cloud: PointCloud): { points: number; nanPoints: number; bounds: InspectReport['bounds'] } {
  const b = pointBounds(cloud.positions);
  return {
    points: cloud.count,
    nanPoints: countNonFinite(cloud.positions),
    bounds: b ? { min: [...b.min], max: [...b.max] } : null,
  };
}
