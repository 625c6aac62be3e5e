import path from 'node:path';
import { caseOnlyClasses, caseOnlyClassesText } from '../../../domain/formats/caseOnlyClasses.ts';
import type { FrameStatus } from '../../../domain/document/FrameAnnotation.ts';
import { FORMAT_VERSIONS, type ExportFormat } from '../../../domain/formats/LabelFormats.ts';
import type { KittiCalib } from '../../../domain/kitti/KittiCalib.ts';
import { parseKittiCalib } from '../../../domain/kitti/parseKittiCalib.ts';
import type { Pose } from '../../../domain/poses/Pose.ts';
import type { DatasetFrame } from '../../dataset/Dataset.ts';
import { frameFileSize, readFrameFile } from '../../dataset/frameFiles.ts';
import { readImageSize } from '../../dataset/frameFileInfo.ts';
import { IN_THREAD_FILES, type ExportFileReader } from '../exportFileReader.ts';
import type { ExportSink } from '../ExportSink.ts';
import type { ExportSource } from '../ExportSource.ts';
import { documentToExport, type AcceptedInstead } from '../documentToExport.ts';
import { EXPORT_MANIFEST, ExportFrameError, type SkippedFrame } from '../exportDataset.ts';
import type { SplitBy } from '../../../domain/formats/SplitBy.ts';
import { splitExport } from '../splitExport.ts';
import { frameSequences, splitFramesOf } from '../exportSequences.ts';
import { KittiClassMapper, NuscenesClassMapper } from '../../../domain/formats/nuscenes/nuscenesKittiClasses.ts';
import { framePlacement } from './framePlacement.ts';
import { DatasetPoses, posesWarnings } from '../../dataset/datasetPoses.ts';
import type { FormatWriter, PreparedFormatFrame } from './FormatWriter.ts';
import { KittiTrackingWriter } from './kittiTrackingWriter.ts';
import { NuscenesWriter } from './nuscenesWriter.ts';
import { OpenLabelWriter } from './openLabelWriter.ts';
import { BoxLinesWriter } from './openPcdetWriter.ts';

export type LabelExportFormat = Exclude<ExportFormat, 'kitti'>;

export interface FormatExportOptions {
  format: LabelExportFormat;
  /** Fraction of frames in `ImageSets/train.txt` (OpenPCDet, mmdet3d); default 0.8. */
  split?: number;
  /** Seed of the deterministic split; default `"cuboid"`. */
  seed?: string;
  /** How frames are split into train and val (`splitExport`); default `auto`. */
  splitBy?: SplitBy;
  /** Only frames with one of these statuses; default every frame. */
  statuses?: readonly FrameStatus[];
  /** Write the point clouds (default true); labels and tables only with false. */
  points?: boolean;
  /** Intensities rescaled to the format's full scale (default `scale`: 1, nuScenes 255) or written as stored (`keep`). */
  intensity?: 'scale' | 'keep';
  /** Stop at the first frame that cannot be exported (default: skip it and list it). */
  strict?: boolean;
  /**
   * A frame's sequence and ego pose; default the poses the server serves (`DatasetPoses`: the
   * sequence layout's, else the dataset's `poses.txt`), else what the frame knows (`framePlacement`).
   */
  placement?: (frame: DatasetFrame) => { sequence: string; pose: Pose | null };
  /** A frame's capture time in seconds; default unknown (null). */
  timestamp?: (frame: DatasetFrame) => number | null;
  /** Where point files are read (the server: its worker pool, `poolFileReader`); default this thread. */
  fileReader?: ExportFileReader;
}

export interface FormatExportSummary {
  format: LabelExportFormat;
  formatVersion: string;
  frames: number;
  train: number;
  val: number;
  /** How train and val were split, and why that way (`splitExport`). */
  splitBy: Exclude<SplitBy, 'auto'>;
  splitNote: string;
  filteredOut: number;
  /** Accepted frames changed since their accept, written as accepted (`--status accepted`). */
  acceptedInstead: AcceptedInstead[];
  skipped: SkippedFrame[];
  boxes: number;
  classes: string[];
  /** What was converted on the way, one sentence each. */
  conversions: string[];
  /** The top-level names written (besides the manifest). */
  entries: string[];
}

/** The writer of each format. */
export function formatWriter(format: LabelExportFormat, points: boolean, keepIntensity = false): FormatWriter {
  switch (format) {
    case 'kitti-tracking':
      return new KittiTrackingWriter(points, keepIntensity);
    case 'nuscenes':
      return new NuscenesWriter(points, keepIntensity);
    case 'openlabel':
      return new OpenLabelWriter();
    case 'openpcdet':
    case 'mmdet3d':
      return new BoxLinesWriter(format, points, keepIntensity);
  }
}

/**
 * Exports the dataset's current labels in `opts.format` through `sink` (see each writer for the
 * files), then `cuboid_export.json`: the format and its version, the frames, classes, box count,
 * the conversions made and the format's own records (track numbers, frame addresses). Only reads
 * the source. A frame whose label, calib or point file cannot be read is left out whole and listed
 * in `skipped` (`strict`: `ExportFrameError` at the first).
 */
export async function exportLabelFormat(source: ExportSource, sink: ExportSink, opts: FormatExportOptions): Promise<FormatExportSummary> {
  const split = opts.split ?? 0.8;
  if (!(split >= 0 && split <= 1)) throw new RangeError(`exportLabelFormat: split ${split} is not between 0 and 1`);
  const seed = opts.seed ?? 'cuboid';
  const points = opts.points !== false;
  const writer = formatWriter(opts.format, points, opts.intensity === 'keep');
  const served = opts.placement === undefined ? await new DatasetPoses(source.dataset).get() : null;
  const placement = opts.placement ?? ((frame: DatasetFrame): { sequence: string; pose: Pose | null } => served?.frames[frame.id] ?? framePlacement(frame));
  // The sequence as far as the dataset says (null: an independent frame, as the KITTI object
  // benchmark's): for the split, and so that independent frames are not chained into one scene.
  const sequenceOf =
    served !== null
      ? frameSequences(source.dataset, served)
      : (id: string): string | null => {
          const frame = source.dataset.get(id);
          return frame === undefined ? null : placement(frame).sequence;
        };
  const root = source.dataset.root;
  const ids: string[] = [];
  const skipped: SkippedFrame[] = [];
  const classes = new Set<string>();
  let filteredOut = 0;
  const acceptedInstead: AcceptedInstead[] = [];
  let boxes = 0;
  const classMapper = writer.classNames === 'kitti' ? new KittiClassMapper() : writer.classNames === 'nuscenes' ? new NuscenesClassMapper() : null;
  for (const id of source.dataset.ids()) {
    const frame = source.dataset.get(id);
    if (frame === undefined) continue;
    let file = frame.labelPath ?? frame.shipped?.file ?? frame.points.path;
    let prepared: PreparedFormatFrame;
    let instead: AcceptedInstead | null = null;
    try {
      // A label_2 file is read through its calib: a calib that does not read is named as such, not as the label.
      let calib: KittiCalib | null = null;
      if (frame.calibPath !== null && (writer.needsCalib || frame.labelPath !== null)) {
        file = frame.calibPath;
        calib = parseKittiCalib((await readFrameFile(frame, frame.calibPath)).toString('utf8'), { fileName: path.basename(frame.calibPath) });
      }
      file = frame.labelPath ?? frame.shipped?.file ?? frame.points.path;
      const picked = await documentToExport(source, frame, opts.statuses);
      if (picked === null) {
        filteredOut++;
        continue;
      }
      const stored = picked.doc;
      instead = picked.instead;
      const doc = classMapper === null ? stored : { ...stored, cuboids: classMapper.map(stored.cuboids) };
      if (!writer.needsCalib) calib = null;
      file = frame.points.path;
      const cloud = writer.needsPoints ? await (opts.fileReader ?? IN_THREAD_FILES).cloud(frame) : null;
      let imageSource: string | null = null;
      if (writer.needsCalib && frame.image !== null) {
        file = frame.image.path;
        await frameFileSize(frame, frame.image.path);
        imageSource = frame.image.path;
      }
      const place = placement(frame);
      prepared = {
        frame,
        doc,
        cloud,
        calib,
        imageSize: writer.needsCalib ? await readImageSize(frame) : [1242, 375],
        imageSource,
        // An independent frame is a sequence (a nuScenes scene, a tracking sequence) of its own.
        sequence: sequenceOf(id) ?? `frame-${id}`,
        pose: place.pose,
        timestamp: opts.timestamp?.(frame) ?? null,
        uri: relative(root, frame.points.path),
      };
    } catch (err) {
      const skip: SkippedFrame = { frameId: id, file: relative(root, file), reason: err instanceof Error ? err.message : String(err) };
      if (opts.strict === true) throw new ExportFrameError(skip);
      skipped.push(skip);
      continue;
    }
    await writer.writeFrame(prepared, sink);
    ids.push(id);
    if (instead !== null) acceptedInstead.push(instead);
    boxes += prepared.doc.cuboids.length;
    for (const c of prepared.doc.cuboids) classes.add(c.label);
  }
  const { train, val, by: splitBy, note: splitNote } = splitExport(splitFramesOf(ids, sequenceOf), split, seed, opts.splitBy);
  const sortedClasses = [...classes].sort();
  const dataset = root.replace(/\/+$/, '').split('/').pop() ?? root;
  const finished = await writer.finish({ dataset, ids, train, val, classes: sortedClasses }, sink);
  const records = finished.records;
  const classSentence = classMapper?.sentence() ?? null;
  const conversions = [
    ...(classSentence === null ? [] : [classSentence]),
    ...finished.conversions,
    // Why a dataset's poses.txt was not used (line count, parse error, no calib), naming the file.
    ...(served !== null ? posesWarnings(served) : []),
    // Classes the KITTI-reading tools would drop for their case ("car").
    ...[caseOnlyClassesText(caseOnlyClasses(sortedClasses))].filter((t): t is string => t !== null),
  ];
  const summary: FormatExportSummary = {
    format: opts.format,
    formatVersion: FORMAT_VERSIONS[opts.format],
    frames: ids.length,
    train: train.length,
    val: val.length,
    splitBy,
    splitNote,
    filteredOut,
    acceptedInstead,
    skipped,
    boxes,
    classes: sortedClasses,
    conversions,
    entries: [...writer.entries],
  };
  const manifest = {
    tool: 'cuboid',
    format: opts.format,
    formatVersion: summary.formatVersion,
    dataset,
    // OpenLABEL writes no points whatever was asked: the manifest says what the export holds.
    options: {
      split,
      splitBy: opts.splitBy ?? 'auto',
      seed,
      statuses: opts.statuses ?? null,
      points: points && writer.needsPoints,
      intensity: opts.intensity ?? 'scale',
    },
    frames: summary.frames,
    frameIds: ids,
    train: summary.train,
    val: summary.val,
    splitBy,
    splitNote,
    trainIds: train,
    valIds: val,
    boxes,
    classes: sortedClasses,
    conversions,
    ...(classMapper !== null ? { classMapping: classMapper.list() } : {}),
    filteredOut,
    acceptedInstead,
    skipped,
    ...records,
  };
  await sink.writeFile(EXPORT_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  await sink.close();
  return summary;
}

function relative(root: string, file: string): string {
  if (root.startsWith('s3://')) return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}
