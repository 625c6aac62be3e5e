import path from 'node:path';
import {
  formatTrackingLabels,
  sequenceTrackNumbers,
  toTrackingCalibText,
  type TrackingFrameInput,
} from '../../../domain/formats/kittiTracking/formatTrackingLabels.ts';
import { formatKittiCalib } from '../../../domain/kitti/formatKittiCalib.ts';
import type { KittiCalib } from '../../../domain/kitti/KittiCalib.ts';
import { syntheticCalib } from '../../../domain/kitti/syntheticCalib.ts';
import type { ExportSink } from '../ExportSink.ts';
import type { FormatFinish, FormatWriter, PreparedFormatFrame } from './FormatWriter.ts';
import { littleEndianBytes } from './kittiPointRecords.ts';
import { IntensityTally } from '../intensityReport.ts';

/** A frame's place in a KITTI tracking export. */
export interface TrackingAddress {
  frameId: string;
  /** `%04d` sequence name. */
  sequence: string;
  frame: number;
}

interface SequenceState {
  name: string;
  calib: KittiCalib | null;
  calibFrame: string | null;
  imageSize: [number, number] | undefined;
  frames: TrackingFrameInput[];
}

/**
 * KITTI tracking (`training/velodyne/SEQ/NNNNNN.bin`, `training/label_02/SEQ.txt`,
 * `training/calib/SEQ.txt`, `training/image_02/SEQ/NNNNNN.png`): each dataset sequence becomes a
 * sequence `0000`, `0001`, … in the order first met, its frames numbered 0, 1, … in export order.
 * A tracking sequence has one calib: where a frame's calib differs from the frame before it in
 * its dataset sequence (KITTI object frames each have their own), a new tracking sequence starts.
 * A sequence without a calib gets the no-camera synthetic one.
 */
export class KittiTrackingWriter implements FormatWriter {
  readonly classNames = 'kitti' as const;
  readonly needsCalib = true;
  readonly entries = ['training'] as const;
  private readonly sequences: SequenceState[] = [];
  /** The tracking sequence each dataset sequence is writing into now. */
  private readonly current = new Map<string, SequenceState>();
  readonly addresses: TrackingAddress[] = [];
  private calibSplits = 0;
  private dropped = 0;

  /** The point records at the format's intensity scale, and the frames rescaled. */
  private readonly intensity: IntensityTally;

  constructor(
    private readonly withPoints: boolean,
    keepIntensity = false,
  ) {
    this.intensity = new IntensityTally(1, keepIntensity);
  }

  get needsPoints(): boolean {
    return this.withPoints;
  }

  async writeFrame(f: PreparedFormatFrame, sink: ExportSink): Promise<void> {
    let seq = this.current.get(f.sequence);
    if (seq === undefined || !sameCalib(seq.calib, f.calib)) {
      // A tracking sequence has one calib: a frame with another calib starts a new sequence.
      if (seq !== undefined) this.calibSplits++;
      seq = { name: String(this.sequences.length).padStart(4, '0'), calib: f.calib, calibFrame: f.frame.id, imageSize: f.imageSize, frames: [] };
      this.sequences.push(seq);
      this.current.set(f.sequence, seq);
    }
    const frame = seq.frames.length;
    seq.frames.push({ frame, cuboids: f.doc.cuboids, dontCare: f.doc.dontCare });
    this.addresses.push({ frameId: f.frame.id, sequence: seq.name, frame });
    const stem = `${seq.name}/${String(frame).padStart(6, '0')}`;
    if (f.cloud !== null) {
      const r = this.intensity.records(f.cloud, 4);
      this.dropped += r.dropped;
      await sink.writeFile(`training/velodyne/${stem}.bin`, littleEndianBytes(r.values));
    }
    if (f.imageSource !== null)
      await sink.copyFile(`training/image_02/${stem}${path.extname(f.imageSource).toLowerCase()}`, { source: f.frame.source, ref: f.imageSource });
  }

  async finish(_ctx: FormatFinish, sink: ExportSink): Promise<{ conversions: string[]; records: Record<string, unknown> }> {
    const trackIds: Record<string, Record<string, number>> = {};
    const noCalib: string[] = [];
    for (const seq of this.sequences) {
      const numbers = sequenceTrackNumbers(seq.name, seq.frames);
      await sink.writeFile(`training/label_02/${seq.name}.txt`, formatTrackingLabels(seq.frames, seq.calib, numbers, seq.imageSize));
      await sink.writeFile(`training/calib/${seq.name}.txt`, toTrackingCalibText(formatKittiCalib(seq.calib ?? syntheticCalib())));
      if (seq.calib === null) noCalib.push(seq.name);
      trackIds[seq.name] = Object.fromEntries(numbers.entries());
    }
    const conversions = [
      'boxes: LiDAR-frame centre, [l, w, h], yaw → rectified camera 0 bottom centre, h w l, rotation_y (the sequence calib), %.6f',
      'track ids: each track gets an integer, unique in its sequence (a t<N>-s<SEQ> track id read from KITTI tracking keeps N); a box without a track gets a track of its own',
      'truncated: the label_2 fraction becomes the tracking level 0/1/2 (below 0.5 → 1, from 0.5 → 2)',
    ];
    if (this.withPoints) {
      conversions.push(`points: KITTI .bin float32 x y z intensity${this.dropped > 0 ? `; ${this.dropped} points with a non-finite coordinate dropped` : ''}`);
      const rescaled = this.intensity.sentence();
      if (rescaled !== null) conversions.push(rescaled);
    }
    if (noCalib.length > 0) conversions.push(`sequences ${noCalib.join(', ')} have no calib: the no-camera synthetic calib was written (2D boxes 0 0 0 0)`);
    if (this.calibSplits > 0)
      conversions.push(
        `${this.calibSplits === 1 ? 'once' : `${this.calibSplits} times`} a frame's calib differed from the frame before it in its sequence: a tracking sequence has one calib, so a new sequence was started there`,
      );
    conversions.push('oxts/ poses are not written');
    return { conversions, records: { trackingFrames: this.addresses, trackIds } };
  }
}

function sameCalib(a: KittiCalib | null, b: KittiCalib | null): boolean {
  if (a === null || b === null) return a === b;
  return a.velo2rect.every((v, i) => v === b.velo2rect[i]) && a.P2.every((v, i) => v === b.P2[i]);
}
