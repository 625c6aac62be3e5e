import fs from 'node:fs/promises';
import path from 'node:path';
import type { FrameStatus } from '../../domain/document/FrameAnnotation.ts';
import { formatKittiCalib } from '../../domain/kitti/formatKittiCalib.ts';
import { syntheticCalib } from '../../domain/kitti/syntheticCalib.ts';
import type { AnnotationService } from '../AnnotationService.ts';
import type { ExportSink } from './ExportSink.ts';
import { pcdToKittiBin } from './pcdToKittiBin.ts';
import { binToKittiBin } from './binToKittiBin.ts';
import { splitFrames } from './splitFrames.ts';

export interface ExportOptions {
  /** Fraction of frames in `train.txt` (0..1); default 0.8. */
  split?: number;
  /** Seed of the deterministic split; default `"cuboid"`. */
  seed?: string;
  /** Only frames with one of these statuses; default every frame. */
  statuses?: readonly FrameStatus[];
  /** Convert `.pcd` point clouds to KITTI `.bin` (OpenPCDet and mmdet3d read only `.bin`). */
  bin?: boolean;
  /** Include `velodyne/` (default true; the zip download can leave it out). */
  points?: boolean;
  /** Include `image_2/` (default true). */
  images?: boolean;
}

export interface ExportSummary {
  frames: number;
  train: number;
  val: number;
  /** Frames left out by the status filter. */
  filteredOut: number;
  /** Frames written with the no-camera synthetic calib. */
  syntheticCalib: string[];
  /** Frames whose label file is empty (OpenPCDet's info builder cannot read those). */
  emptyLabels: string[];
  /** PCD files converted to `.bin`, with the points dropped for non-finite coordinates. */
  converted: { frameId: string; points: number; dropped: number }[];
  /** `.bin` files of another layout (nuScenes `xyzir`, ...) rewritten as KITTI `xyzi`, every point kept. */
  rewrittenBins: { frameId: string; layout: string; points: number }[];
  /** Label files of the served dataset that were stale and are now rewritten. */
  labelsRepaired: number;
}

/** The file name of the manifest written at the export root. */
export const EXPORT_MANIFEST = 'cuboid_export.json';

/**
 * Writes a KITTI training tree through `sink`: `training/velodyne` (copied as-is, or `.pcd` → `.bin`
 * with `bin`), `training/calib` (copied; the synthetic no-camera calib for frames without one, so
 * readers recover the LiDAR boxes exactly), `training/label_2` (the current revision, the same
 * text as the served `label_2`), `training/image_2` where present, `ImageSets/train.txt` and
 * `val.txt` (see `splitFrames`), and `cuboid_export.json` (options and counts). Frames never opened
 * get their shipped labels imported first, and stale label files are rewritten, so an export also
 * restores consistency after a failed label write.
 */
export async function exportDataset(
  service: AnnotationService,
  sink: ExportSink,
  opts: ExportOptions = {},
): Promise<ExportSummary> {
  const split = opts.split ?? 0.8;
  if (!(split >= 0 && split <= 1)) throw new RangeError(`exportDataset: split ${split} is not between 0 and 1`);
  const seed = opts.seed ?? 'cuboid';
  const repaired = await service.syncDirtyLabels();
  const summary: ExportSummary = {
    frames: 0,
    train: 0,
    val: 0,
    filteredOut: 0,
    syntheticCalib: [],
    emptyLabels: [],
    converted: [],
    rewrittenBins: [],
    labelsRepaired: repaired.written.length,
  };
  const synthetic = formatKittiCalib(syntheticCalib());
  const exported: string[] = [];
  for (const id of service.dataset.ids()) {
    const frame = service.dataset.get(id);
    if (frame === undefined) continue;
    const doc = await service.getAnnotation(frame);
    if (opts.statuses !== undefined && !opts.statuses.includes(doc.status)) {
      summary.filteredOut++;
      continue;
    }
    const label = await service.formatLabel(frame, doc);
    await sink.writeFile(`training/label_2/${id}.txt`, label);
    if (label === '') summary.emptyLabels.push(id);
    if (frame.calibPath !== null) await sink.copyFile(`training/calib/${id}.txt`, frame.calibPath);
    else {
      await sink.writeFile(`training/calib/${id}.txt`, synthetic);
      summary.syntheticCalib.push(id);
    }
    if (opts.points !== false) {
      if (frame.points.format === 'pcd' && opts.bin === true) {
        const result = pcdToKittiBin(new Uint8Array(await fs.readFile(frame.points.path)), path.basename(frame.points.path));
        await sink.writeFile(`training/velodyne/${id}.bin`, result.bin);
        summary.converted.push({ frameId: id, points: result.points, dropped: result.dropped });
      } else if (frame.points.format === 'bin' && frame.points.binLayout !== null && frame.points.binLayout.name !== 'xyzi') {
        // KITTI readers take 16-byte x y z intensity records only: another layout is rewritten, never copied.
        const result = binToKittiBin(new Uint8Array(await fs.readFile(frame.points.path)), frame.points.binLayout.name, path.basename(frame.points.path));
        await sink.writeFile(`training/velodyne/${id}.bin`, result.bin);
        summary.rewrittenBins.push({ frameId: id, layout: frame.points.binLayout.name, points: result.points });
      } else {
        await sink.copyFile(`training/velodyne/${id}.${frame.points.format}`, frame.points.path);
      }
    }
    if (opts.images !== false && frame.image !== null) {
      await sink.copyFile(`training/image_2/${id}${path.extname(frame.image.path).toLowerCase()}`, frame.image.path);
    }
    exported.push(id);
  }
  const { train, val } = splitFrames(exported, split, seed);
  await sink.writeFile('ImageSets/train.txt', lines(train));
  await sink.writeFile('ImageSets/val.txt', lines(val));
  summary.frames = exported.length;
  summary.train = train.length;
  summary.val = val.length;
  const manifest = {
    tool: 'cuboid',
    dataset: path.basename(service.dataset.root),
    options: { split, seed, statuses: opts.statuses ?? null, bin: opts.bin === true },
    labelFormat: 'KITTI label_2, ground-truth style (%.2f), DontCare last, no score column',
    noCamera: summary.syntheticCalib,
    ...summary,
  };
  await sink.writeFile(EXPORT_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  await sink.close();
  return summary;
}

function lines(ids: string[]): string {
  return ids.map((id) => `${id}\n`).join('');
}
