import { formatNuscenesTables, NUSCENES_MAP_FILE, NUSCENES_TABLES, type NuscenesFrameInput } from '../../../domain/formats/nuscenes/formatNuscenesTables.ts';
import { pointsInCuboids } from '../../../domain/geometry/pointsInCuboids.ts';
import type { ExportSink } from '../ExportSink.ts';
import type { FormatFinish, FormatWriter, PreparedFormatFrame } from './FormatWriter.ts';
import { littleEndianBytes } from './kittiPointRecords.ts';
import { IntensityTally } from '../intensityReport.ts';

/** A 1×1 8-bit grey PNG, black: the map mask of an export without a map (the devkit only checks that the file exists until a map query reads it). */
const NO_MAP_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64');

/** The version folder of the tables: `NuScenes(version='v1.0-cuboid', dataroot=OUT)` loads it. */
export const NUSCENES_VERSION_DIR = 'v1.0-cuboid';

/**
 * nuScenes (`samples/LIDAR_TOP/ID.pcd.bin`: float32 x y z intensity ring; `v1.0-cuboid/*.json`:
 * the 13 tables). Points are always read: `num_lidar_pts` is counted in each box (the devkit's
 * detection evaluation drops boxes with none).
 */
export class NuscenesWriter implements FormatWriter {
  readonly needsPoints = true;
  readonly classNames = 'nuscenes' as const;
  readonly needsCalib = false;
  readonly entries = ['samples', 'maps', NUSCENES_VERSION_DIR] as const;
  private readonly frames: NuscenesFrameInput[] = [];
  private dropped = 0;

  /** The point records at the format's intensity scale, and the frames rescaled. */
  private readonly intensity: IntensityTally;

  constructor(
    private readonly withPoints: boolean,
    keepIntensity = false,
  ) {
    this.intensity = new IntensityTally(255, keepIntensity);
  }

  async writeFrame(f: PreparedFormatFrame, sink: ExportSink): Promise<void> {
    let counts: number[] | null = null;
    if (f.cloud !== null) {
      counts = [...pointsInCuboids(f.cloud.positions, f.doc.cuboids, { withIndices: false }).counts];
      if (this.withPoints) {
        const r = this.intensity.records(f.cloud, 5);
        this.dropped += r.dropped;
        await sink.writeFile(`samples/LIDAR_TOP/${f.frame.id}.pcd.bin`, littleEndianBytes(r.values));
      }
    }
    this.frames.push({
      frameId: f.frame.id,
      cuboids: f.doc.cuboids,
      dontCare: f.doc.dontCare,
      pose: f.pose,
      sequence: f.sequence,
      timestamp: f.timestamp,
      pointsInBoxes: counts,
    });
  }

  async finish(_ctx: FormatFinish, sink: ExportSink): Promise<{ conversions: string[]; records: Record<string, unknown> }> {
    const tables = formatNuscenesTables(this.frames);
    for (const name of NUSCENES_TABLES) await sink.writeFile(`${NUSCENES_VERSION_DIR}/${name}.json`, `${JSON.stringify(tables[name], null, 1)}\n`);
    await sink.writeFile(NUSCENES_MAP_FILE, new Uint8Array(NO_MAP_PNG));
    const posed = this.frames.filter((f) => f.pose !== null).length;
    const timed = this.frames.filter((f) => f.timestamp !== null).length;
    const conversions = [
      'boxes: translation = box centre, size = [width, length, height], rotation = [w, x, y, z] quaternion of the heading (nuScenes devkit conventions), 9 decimals',
      posed === this.frames.length && posed > 0
        ? 'global frame: every frame has an ego pose; ego_pose = the LiDAR → world pose, calibrated_sensor LIDAR_TOP = identity'
        : posed === 0
          ? "no ego poses: boxes are in each frame's LiDAR frame, ego_pose and calibrated_sensor are identities"
          : `${posed} of ${this.frames.length} frames have an ego pose (global frame); the others are in their LiDAR frame with an identity ego_pose`,
      'categories: nuScenes categories as they are, KITTI classes mapped (see the classes sentence), other names as they are; attributes from nuscenes_attribute; instance = track (a box without a track is an instance of its own)',
      `map: one map row naming every log, its mask ${NUSCENES_MAP_FILE} a 1×1 black PNG (no map; the devkit needs the row and the file to load)`,
      'visibility from occluded: 0 → 4 (80–100 %), 1 → 3 (60–80 %), 2 and 3 (unknown: nuScenes has no such level) → 1 (0–40 %); truncated is not written',
    ];
    if (timed < this.frames.length) conversions.push(`timestamps: ${this.frames.length - timed} frames have no capture time; they are numbered 0.1 s apart`);
    if (this.withPoints) {
      conversions.push(
        `points: .pcd.bin float32 x y z intensity ring (ring 0 when the cloud has none)${this.dropped > 0 ? `; ${this.dropped} points with a non-finite coordinate dropped` : ''}`,
      );
      const rescaled = this.intensity.sentence();
      if (rescaled !== null) conversions.push(rescaled);
    }
    return { conversions, records: { nuscenesVersion: NUSCENES_VERSION_DIR, posedFrames: posed } };
  }
}
