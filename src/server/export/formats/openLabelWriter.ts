import { formatOpenLabel, type OpenLabelFrameInput } from '../../../domain/formats/openlabel/formatOpenLabel.ts';
import type { ExportSink } from '../ExportSink.ts';
import type { FormatFinish, FormatWriter, PreparedFormatFrame } from './FormatWriter.ts';

/** ASAM OpenLABEL 1.0: one `openlabel.json` for the whole export (labels only; the points stay where they are, named by each frame's stream `uri`). */
export class OpenLabelWriter implements FormatWriter {
  readonly needsPoints = false;
  readonly classNames = 'as-is' as const;
  readonly needsCalib = false;
  readonly entries = ['openlabel.json'] as const;
  private readonly frames: OpenLabelFrameInput[] = [];

  async writeFrame(f: PreparedFormatFrame): Promise<void> {
    this.frames.push({
      frameId: f.frame.id,
      cuboids: f.doc.cuboids,
      dontCare: f.doc.dontCare,
      pose: f.pose,
      sequence: f.sequence,
      timestamp: f.timestamp,
      uri: f.uri,
    });
  }

  async finish(_ctx: FormatFinish, sink: ExportSink): Promise<{ conversions: string[]; records: Record<string, unknown> }> {
    await sink.writeFile('openlabel.json', formatOpenLabel(this.frames));
    const posed = this.frames.filter((f) => f.pose !== null).length;
    const conversions = [
      'cuboids: val = x, y, z, qx, qy, qz, qw, sx, sy, sz in the LIDAR_TOP coordinate system (centre, yaw as a quaternion about +z, length, width, height), 9 decimals',
      'objects: one per track (uid 0, 1, … in order of first appearance, name = track id); a box without a track is an object of its own',
      posed > 0
        ? `ego poses: ${posed} frames carry the LIDAR_TOP → odom transform (matrix4x4)`
        : 'no ego poses: only the LIDAR_TOP coordinate system is declared',
      'DontCare regions and "not an object" marks are not written',
      "points: not copied; each frame's stream uri names its point file relative to the dataset folder",
    ];
    return { conversions, records: {} };
  }
}
