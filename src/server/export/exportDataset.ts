import path from 'node:path';
import type { FrameStatus } from '../../domain/document/FrameAnnotation.ts';
import { formatKittiCalib } from '../../domain/kitti/formatKittiCalib.ts';
import { syntheticCalib } from '../../domain/kitti/syntheticCalib.ts';
import { parseKittiCalib } from '../../domain/kitti/parseKittiCalib.ts';
import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { frameFileSize, readFrameFile } from '../dataset/frameFiles.ts';
import type { ExportSource } from './ExportSource.ts';
import type { ExportSink } from './ExportSink.ts';
import { countRescaled, type IntensityRescaled } from './intensityReport.ts';
import type { SplitBy } from '../../domain/formats/SplitBy.ts';
import { splitExport } from './splitExport.ts';
import { frameSequences, splitFramesOf } from './exportSequences.ts';
import { DatasetPoses, posesWarnings } from '../dataset/datasetPoses.ts';
import { KittiClassMapper, type ClassChange } from '../../domain/formats/nuscenes/nuscenesKittiClasses.ts';
import { FORMAT_VERSIONS } from '../../domain/formats/LabelFormats.ts';
import { kittiTreeConversions } from './kittiTreeConversions.ts';
import { caseOnlyClasses } from '../../domain/formats/caseOnlyClasses.ts';
import { documentToExport, type AcceptedInstead } from './documentToExport.ts';
import { IN_THREAD_FILES, type ExportFileReader, type PreparedPoints } from './exportFileReader.ts';

export interface ExportOptions {
  /** Fraction of frames in `train.txt` (0..1); default 0.8. */
  split?: number;
  /** Seed of the deterministic split; default `"cuboid"`. */
  seed?: string;
  /** How frames are split into train and val (`splitExport`); default `auto`. */
  splitBy?: SplitBy;
  /** Only frames with one of these statuses; default every frame. */
  statuses?: readonly FrameStatus[];
  /**
   * Convert `.pcd` point clouds to KITTI `.bin` (OpenPCDet and mmdet3d read only `.bin`); default
   * true. `false` copies `.pcd` files as they are.
   */
  bin?: boolean;
  /** Include `velodyne/` (default true; the zip download can leave it out). */
  points?: boolean;
  /** Include `image_2/` (default true). */
  images?: boolean;
  /**
   * `scale` (default): intensities rescaled to KITTI's 0..1 reflectance from their full scale
   * (0..255, 0..65535: `intensityFullScale`), which the readers' KITTI-trained models expect;
   * `keep`: written as stored.
   */
  intensity?: 'scale' | 'keep';
  /**
   * Stop at the first frame that cannot be exported (default false: the frame is left out of the
   * tree and the ImageSets, and listed in `skipped`).
   */
  strict?: boolean;
  /** Where point files are read and converted (the server: its worker pool, `poolFileReader`); default this thread. */
  fileReader?: ExportFileReader;
}

/** A frame left out of an export: the file that could not be read or converted, and why. */
export interface SkippedFrame {
  frameId: string;
  /** Path of the file at fault (dataset-relative when inside the dataset). */
  file: string;
  reason: string;
}

export interface ExportSummary {
  frames: number;
  train: number;
  val: number;
  /** How train and val were split, and why that way (`splitExport`). */
  splitBy: Exclude<SplitBy, 'auto'>;
  splitNote: string;
  /** Why the dataset's `poses.txt` was not used (file and reason; `posesWarnings`), as `serve` and `check` print it. */
  posesWarnings: string[];
  /** Frames left out by the status filter. */
  filteredOut: number;
  /** Frames left out because a file could not be read or converted (never with `strict`). */
  skipped: SkippedFrame[];
  /** Frames written with the no-camera synthetic calib. */
  syntheticCalib: string[];
  /** Frames whose label file is empty (OpenPCDet's info builder cannot read those). */
  emptyLabels: string[];
  /** PCD, PLY, LAS and LAZ files converted to `.bin` (`format`: the source's), with the points dropped for non-finite coordinates. */
  converted: { frameId: string; format: 'pcd' | 'ply' | 'las' | 'laz'; points: number; dropped: number }[];
  /**
   * `.bin` files rewritten as KITTI `xyzi`: another layout (nuScenes `xyzir`, ...), or `xyzi` with
   * points of a non-finite coordinate (dropped: OpenPCDet and mmdet3d would take them in).
   */
  rewrittenBins: { frameId: string; layout: string; points: number; dropped: number }[];
  /** Frames whose intensity was rescaled to 0..1, by the full scale it had (`ExportOptions.intensity`). */
  intensityRescaled: IntensityRescaled[];
  /** With `--intensity keep`: frames written, by the intensity full scale they were stored on (`mixedKeptSentence` when more than one). */
  intensityKept: IntensityRescaled[];
  /**
   * Calibs written in KITTI's line order (the readers take P2 from the third line) that lacked
   * matrices: `filled` names them (P0, P1 and P3 written as P2, Tr_imu_to_velo as the identity).
   */
  calibFilled: { frameId: string; filled: string[] }[];
  /** Frames without an image (`image_2/ID.png`, which OpenPCDet and mmdet3d open for every frame). */
  noImage: string[];
  /** JPEG images written as PNG (`image_2/ID.png`, the only name the readers open), by their source file. */
  jpegConverted: { frameId: string; file: string }[];
  /** Label files of the served dataset that were stale and are now rewritten. */
  labelsRepaired: number;
  /** Accepted frames changed since their accept, written as accepted (`--status accepted`). */
  acceptedInstead: AcceptedInstead[];
  /**
   * nuScenes categories written as KITTI classes (`KittiClassMapper`; `to` = `from` for a category
   * kept as it is), with box counts; empty when no box had a nuScenes category.
   */
  classMapping: ClassChange[];
  /** Frame ids that are not all digits (mmdet3d's KITTI converter reads ImageSets ids as integers). */
  nonNumericIds: string[];
  /** Classes that differ from a KITTI class only in case (`caseOnlyClasses`: the readers would drop their boxes). */
  classCase: { label: string; kitti: string }[];
}

/** The file name of the manifest written at the export root. */
export const EXPORT_MANIFEST = 'cuboid_export.json';

/** Thrown by a `strict` export at the first frame it cannot export; names the frame and the file. */
export class ExportFrameError extends Error {
  readonly skipped: SkippedFrame;
  constructor(skipped: SkippedFrame) {
    super(`frame ${skipped.frameId}: ${skipped.file}: ${skipped.reason}`);
    this.name = 'ExportFrameError';
    this.skipped = skipped;
  }
}

/**
 * Writes a KITTI training tree through `sink`: `training/velodyne` (KITTI `.bin`: copied, `.pcd`
 * converted unless `bin: false`, other `.bin` layouts rewritten as `xyzi`), `training/calib`
 * (copied after parsing; the synthetic no-camera calib for frames without one, so readers recover
 * the LiDAR boxes exactly), `training/label_2` (the current revision, the same text as the served
 * `label_2`), `training/image_2` where present, `ImageSets/train.txt` and `val.txt` (see
 * `splitFrames`), and `cuboid_export.json` (format and version, options, counts, classes with box
 * counts, the conversions made).
 *
 * Each frame is prepared in memory first (label text, calib check, point conversion) and written
 * only when all of it succeeded, so a frame with a bad calib, label or point file is left out
 * whole and listed in `skipped` with the file and the reason (`strict`: `ExportFrameError`).
 * A source that can (the served dataset) first rewrites label files left stale by a failed write.
 */
export async function exportDataset(source: ExportSource, sink: ExportSink, opts: ExportOptions = {}): Promise<ExportSummary> {
  const split = opts.split ?? 0.8;
  if (!(split >= 0 && split <= 1)) throw new RangeError(`exportDataset: split ${split} is not between 0 and 1`);
  const seed = opts.seed ?? 'cuboid';
  const bin = opts.bin !== false;
  const reader = opts.fileReader ?? IN_THREAD_FILES;
  const repaired = source.syncDirtyLabels !== undefined ? await source.syncDirtyLabels() : { written: [] };
  const summary: ExportSummary = {
    frames: 0,
    train: 0,
    val: 0,
    splitBy: 'frame',
    splitNote: '',
    posesWarnings: [],
    filteredOut: 0,
    skipped: [],
    syntheticCalib: [],
    emptyLabels: [],
    converted: [],
    rewrittenBins: [],
    intensityRescaled: [],
    intensityKept: [],
    calibFilled: [],
    noImage: [],
    jpegConverted: [],
    labelsRepaired: repaired.written.length,
    acceptedInstead: [],
    nonNumericIds: [],
    classCase: [],
    classMapping: [],
  };
  const classMapper = new KittiClassMapper();
  const synthetic = formatKittiCalib(syntheticCalib());
  const exported: string[] = [];
  /** Boxes written per class (after the class mapping), for the manifest. */
  const boxesByClass = new Map<string, number>();
  const root = source.dataset.root;
  for (const id of source.dataset.ids()) {
    const frame = source.dataset.get(id);
    if (frame === undefined) continue;
    let file = frame.labelPath ?? frame.calibPath ?? frame.points.path;
    /** Runs one step of the frame, remembering which file it reads for the skip report. */
    const step = <T>(at: string | null, fn: () => Promise<T>): Promise<T> => {
      if (at !== null) file = at;
      return fn();
    };
    let prepared: PreparedFrame;
    let instead: AcceptedInstead | null = null;
    try {
      let calib: { text: string; filled: string[] } | null = null;
      if (frame.calibPath !== null) {
        const calibPath = frame.calibPath;
        calib = await step(calibPath, async () =>
          canonicalCalib(parseKittiCalib((await readFrameFile(frame, calibPath)).toString('utf8'), { fileName: path.basename(calibPath) })),
        );
      }
      const picked = await step(frame.labelPath ?? frame.shipped?.file ?? null, () => documentToExport(source, frame, opts.statuses));
      if (picked === null) {
        summary.filteredOut++;
        continue;
      }
      instead = picked.instead;
      const doc = { ...picked.doc, cuboids: classMapper.map(picked.doc.cuboids) };
      const label = await step(frame.labelPath ?? `${id} (stored annotation)`, () => source.formatLabel(frame, doc));
      const points = opts.points === false ? null : await step(frame.points.path, () => reader.prepare(frame, bin, opts.intensity === 'keep'));
      const imageFile = opts.images === false || frame.image === null ? null : frame.image.path;
      let image: PreparedFrame['image'] = null;
      if (imageFile !== null && path.extname(imageFile).toLowerCase() === '.png') {
        await step(imageFile, () => frameFileSize(frame, imageFile));
        image = { kind: 'copy', source: imageFile };
      } else if (imageFile !== null) {
        // A JPEG (the only other camera type a dataset lists): the readers open image_2/ID.png only.
        image = { kind: 'png', source: imageFile, png: await step(imageFile, () => reader.png(frame, imageFile)) };
      }
      prepared = { label, points, calib, image, labels: doc.cuboids.map((c) => c.label) };
    } catch (err) {
      const skipped: SkippedFrame = { frameId: id, file: relative(root, file), reason: err instanceof Error ? err.message : String(err) };
      if (opts.strict === true) throw new ExportFrameError(skipped);
      summary.skipped.push(skipped);
      continue;
    }
    await sink.writeFile(`training/label_2/${id}.txt`, prepared.label);
    if (prepared.label === '') summary.emptyLabels.push(id);
    if (prepared.calib !== null) {
      // In KITTI's line order, whatever the source's: OpenPCDet and mmdet3d read the matrices by line.
      await sink.writeFile(`training/calib/${id}.txt`, prepared.calib.text);
      if (prepared.calib.filled.length > 0) summary.calibFilled.push({ frameId: id, filled: prepared.calib.filled });
    } else {
      await sink.writeFile(`training/calib/${id}.txt`, synthetic);
      summary.syntheticCalib.push(id);
    }
    const p = prepared.points;
    if (p !== null) {
      if (p.kind === 'copy') await sink.copyFile(`training/velodyne/${id}.${frame.points.format}`, { source: frame.source, ref: p.source });
      else await sink.writeFile(`training/velodyne/${id}.bin`, p.bin);
      if (p.kind === 'converted') summary.converted.push({ frameId: id, format: p.format, points: p.points, dropped: p.dropped });
      if (p.kind === 'rewritten') summary.rewrittenBins.push({ frameId: id, layout: p.layout, points: p.points, dropped: p.dropped });
      if (p.kind === 'converted' || p.kind === 'rewritten') countRescaled(summary.intensityRescaled, p.intensityFrom);
      if (opts.intensity === 'keep' && p.kind !== 'copy') countRescaled(summary.intensityKept, p.intensityScale);
    }
    const { image } = prepared;
    if (image?.kind === 'copy') await sink.copyFile(`training/image_2/${id}.png`, { source: frame.source, ref: image.source });
    else if (image?.kind === 'png') {
      await sink.writeFile(`training/image_2/${id}.png`, image.png);
      summary.jpegConverted.push({ frameId: id, file: relative(root, image.source) });
    } else if (opts.images !== false) summary.noImage.push(id);
    for (const label of prepared.labels) boxesByClass.set(label, (boxesByClass.get(label) ?? 0) + 1);
    exported.push(id);
    if (instead !== null) summary.acceptedInstead.push(instead);
  }
  const poses = await new DatasetPoses(source.dataset).get();
  summary.posesWarnings = posesWarnings(poses);
  const { train, val, by, note } = splitExport(splitFramesOf(exported, frameSequences(source.dataset, poses)), split, seed, opts.splitBy);
  summary.splitBy = by;
  summary.splitNote = note;
  await sink.writeFile('ImageSets/train.txt', lines(train));
  await sink.writeFile('ImageSets/val.txt', lines(val));
  // Empty, but both tools' KITTI info builders open it (mmdet3d fails without it, OpenPCDet stops before its gt database).
  await sink.writeFile('ImageSets/test.txt', '');
  summary.frames = exported.length;
  summary.train = train.length;
  summary.val = val.length;
  summary.classMapping = classMapper.list();
  summary.nonNumericIds = exported.filter((id) => !/^\d+$/.test(id));
  const classes = [...boxesByClass.keys()].sort();
  summary.classCase = caseOnlyClasses(classes);
  // The same records as the other formats' manifests (format, version, boxes, classes, conversions), then the KITTI tree's own.
  const manifest = {
    tool: 'cuboid',
    format: 'kitti',
    formatVersion: FORMAT_VERSIONS.kitti,
    dataset: root.replace(/\/+$/, '').split('/').pop() ?? root,
    options: { split, splitBy: opts.splitBy ?? 'auto', seed, statuses: opts.statuses ?? null, bin, intensity: opts.intensity ?? 'scale' },
    labelFormat: 'KITTI label_2, ground-truth style (%.2f), DontCare last, no score column',
    noCamera: summary.syntheticCalib,
    frameIds: exported,
    boxes: [...boxesByClass.values()].reduce((n, k) => n + k, 0),
    classes,
    boxesByClass: Object.fromEntries(classes.map((c) => [c, boxesByClass.get(c) ?? 0])),
    conversions: kittiTreeConversions(summary, classMapper.sentence()),
    ...summary,
  };
  await sink.writeFile(EXPORT_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  await sink.close();
  return summary;
}

/** A frame's label text, calib and points, ready to write; files to copy by their ref (read, and confined, through the frame's source when copied). */
interface PreparedFrame {
  label: string;
  points: PreparedPoints | null;
  /** The calib in KITTI's line order, and the matrices it lacked (null: none, the synthetic one is written). */
  calib: { text: string; filled: string[] } | null;
  /** The image copied as it is (a PNG), or a JPEG's pixels as PNG bytes; null: none written. */
  image: { kind: 'copy'; source: string } | { kind: 'png'; source: string; png: Uint8Array } | null;
  /** The class of each box written. */
  labels: string[];
}

/** A parsed calib as KITTI writes it (P0–P3, R0_rect, Tr_velo_to_cam, Tr_imu_to_velo, in that order), and the matrices it lacked. */
function canonicalCalib(calib: KittiCalib): { text: string; filled: string[] } {
  const filled = (['P0', 'P1', 'P3', 'Tr_imu_to_velo'] as const).filter((k) => calib[k] === undefined);
  return { text: formatKittiCalib(calib), filled };
}

function relative(root: string, file: string): string {
  if (root.startsWith('s3://')) return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

function lines(ids: string[]): string {
  return ids.map((id) => `${id}\n`).join('');
}
