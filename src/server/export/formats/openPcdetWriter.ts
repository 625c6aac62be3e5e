import { formatBoxLines } from '../../../domain/formats/openpcdet/boxLines.ts';
import { KITTI_CLASSES } from '../../../domain/types.ts';
import { isBoxClass } from '../../../domain/document/className.ts';
import { writeNpyFloat32 } from '../../../domain/formats/openpcdet/writeNpy.ts';
import { formatMmdet3dInfos, type Mmdet3dInfoFrame } from '../../../domain/formats/mmdet3d/formatMmdet3dInfos.ts';
import type { ExportSink } from '../ExportSink.ts';
import type { FormatFinish, FormatWriter, PreparedFormatFrame } from './FormatWriter.ts';
import { littleEndianBytes } from './kittiPointRecords.ts';
import { IntensityTally } from '../intensityReport.ts';

/**
 * OpenPCDet's custom dataset (`points/ID.npy`: float32 `(N, 4)` x y z intensity; `labels/ID.txt`;
 * `ImageSets/train.txt`, `val.txt`) or mmdetection3d's (the same with `points/ID.bin` KITTI
 * float32 records, plus `custom_infos_train.json` / `custom_infos_val.json`).
 */
export class BoxLinesWriter implements FormatWriter {
  readonly classNames = 'kitti' as const;
  readonly needsCalib = false;
  readonly entries: readonly string[];
  private dropped = 0;
  private readonly infos = new Map<string, Mmdet3dInfoFrame>();
  /** Frames whose label file is empty (no box, or DontCare only). */
  private readonly empty = new Set<string>();

  /** The point records at the format's intensity scale, and the frames rescaled. */
  private readonly intensity: IntensityTally;

  constructor(
    private readonly flavour: 'openpcdet' | 'mmdet3d',
    private readonly withPoints: boolean,
    keepIntensity = false,
  ) {
    this.intensity = new IntensityTally(1, keepIntensity);
    this.entries =
      flavour === 'openpcdet' ? ['points', 'labels', 'ImageSets'] : ['points', 'labels', 'ImageSets', 'custom_infos_train.json', 'custom_infos_val.json'];
  }

  get needsPoints(): boolean {
    return this.withPoints;
  }

  async writeFrame(f: PreparedFormatFrame, sink: ExportSink): Promise<void> {
    const id = f.frame.id;
    const lines = formatBoxLines(f.doc.cuboids);
    if (lines === '') this.empty.add(id);
    await sink.writeFile(`labels/${id}.txt`, lines);
    const ext = this.flavour === 'openpcdet' ? 'npy' : 'bin';
    if (f.cloud !== null) {
      const r = this.intensity.records(f.cloud, 4);
      this.dropped += r.dropped;
      await sink.writeFile(`points/${id}.${ext}`, this.flavour === 'openpcdet' ? writeNpyFloat32(r.values, r.points, 4) : littleEndianBytes(r.values));
    }
    if (this.flavour === 'mmdet3d') this.infos.set(id, { frameId: id, lidarFile: `${id}.bin`, cuboids: f.doc.cuboids });
  }

  async finish(ctx: FormatFinish, sink: ExportSink): Promise<{ conversions: string[]; records: Record<string, unknown> }> {
    // OpenPCDet's custom reader cannot take a frame without boxes (an empty label file fails its
    // info builder): such frames are written but left out of the ImageSets, and the note says so.
    const listed = (ids: string[]): string => (this.flavour === 'openpcdet' ? ids.filter((id) => !this.empty.has(id)) : ids).map((id) => `${id}\n`).join('');
    await sink.writeFile('ImageSets/train.txt', listed(ctx.train));
    await sink.writeFile('ImageSets/val.txt', listed(ctx.val));
    const unlisted = this.flavour === 'openpcdet' ? [...this.empty].sort() : [];
    const conversions = [
      'labels: one line per box, x y z dx dy dz heading_angle category_name: geometric centre, length/width/height, heading about +z from +x, LiDAR frame, %.6f',
      'labels: track ids, scores, attributes, DontCare regions and "not an object" marks are not written (the format has no place for them)',
    ];
    if (this.withPoints) {
      conversions.push(
        this.flavour === 'openpcdet'
          ? `points: .npy float32 (N, 4) x y z intensity${this.dropped > 0 ? `; ${this.dropped} points with a non-finite coordinate dropped` : ''}`
          : `points: KITTI .bin float32 x y z intensity${this.dropped > 0 ? `; ${this.dropped} points with a non-finite coordinate dropped` : ''}`,
      );
      const rescaled = this.intensity.sentence();
      if (rescaled !== null) conversions.push(rescaled);
    }
    if (this.flavour === 'mmdet3d') {
      const pick = (ids: string[]): Mmdet3dInfoFrame[] => ids.map((id) => this.infos.get(id)).filter((x): x is Mmdet3dInfoFrame => x !== undefined);
      // One class list for every export of any dataset: the KITTI classes in KITTI's order, then
      // the others present, sorted. A config's class list then holds across exports (it followed
      // the classes present: Pedestrian was 2 in one export and 3 in the next).
      const classes = stableClassList(ctx.classes);
      await sink.writeFile('custom_infos_train.json', formatMmdet3dInfos(pick(ctx.train), classes));
      await sink.writeFile('custom_infos_val.json', formatMmdet3dInfos(pick(ctx.val), classes));
      conversions.push(
        'info files: mmengine JSON (metainfo + data_list); instances.bbox_3d has z at the box bottom (LiDARInstance3DBoxes origin (0.5, 0.5, 0)), labels/*.txt the geometric centre',
        `info files: metainfo.classes is ${classes.join(', ')} (the KITTI classes in KITTI's order, then the others present), the same in every export`,
      );
    }
    if (unlisted.length > 0) {
      conversions.push(
        `ImageSets: ${unlisted.length} frame${unlisted.length === 1 ? '' : 's'} without boxes (${unlisted.slice(0, 5).join(', ')}${unlisted.length > 5 ? ', …' : ''}) ` +
          "written but not listed: OpenPCDet's custom info builder fails on an empty label file",
      );
    }
    return { conversions, records: { pointsDropped: this.dropped, ...(unlisted.length > 0 ? { notListed: unlisted } : {}) } };
  }
}

/** The KITTI box classes in KITTI's order, then the other classes of `present`, sorted. */
function stableClassList(present: readonly string[]): string[] {
  const kitti: string[] = KITTI_CLASSES.filter(isBoxClass);
  return [...kitti, ...[...present].filter((c) => !kitti.includes(c)).sort()];
}
