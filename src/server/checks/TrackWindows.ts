import type { ExpectedTrackBox } from '../../domain/checks/CheckContext.ts';
import { expectedTrackBoxes, trackWindow } from '../../domain/checks/expectedTrackBoxes.ts';
import type { TrackWindowFrame } from '../../domain/checks/expectedTrackBoxes.ts';
import type { FramePose } from '../../domain/poses/Pose.ts';
import type { AnnotationService } from '../AnnotationService.ts';
import type { DatasetPoses } from '../dataset/datasetPoses.ts';

/**
 * Where a frame's tracks are expected (`trackGap`, `offTrack`): reads the boxes of the frames within
 * `TRACK_GAP_REACH` of it in dataset order, of its own sequence (a sequence layout's, else its
 * pose's; frames of another sequence end the window), and bridges the tracks that have a box on
 * both sides. Boxes are each frame's current revision, else the labels its dataset ships (not
 * imported here); the poses are `DatasetPoses`. Box work only: no points are read.
 */
export class TrackWindows {
  private readonly service: AnnotationService;
  private readonly poses: DatasetPoses;

  constructor(service: AnnotationService, poses: DatasetPoses) {
    this.service = service;
    this.poses = poses;
  }

  /** Where the tracks of the frames around `frameId` are expected in it, in its LiDAR frame. */
  async expectedFor(frameId: string): Promise<ExpectedTrackBox[]> {
    return (await this.expectedAndAround(frameId)).expected;
  }

  /**
   * `expectedFor`, and a signature of the frames it was read from and their revisions (`around`):
   * while that is the same, so is the answer (poses aside).
   */
  async expectedAndAround(frameId: string): Promise<{ expected: ExpectedTrackBox[]; around: string }> {
    const { dataset, storage } = this.service;
    const ids = dataset.ids();
    const at = ids.indexOf(frameId);
    if (at < 0) return { expected: [], around: '' };
    const { frames: poses } = await this.poses.get();
    const [lo, hi] = trackWindow(
      ids.map((id) => sequenceOf(dataset.get(id)?.sequence, poses[id])),
      at,
    );
    const window: TrackWindowFrame[] = [];
    const revisions: string[] = [];
    for (let k = lo; k <= hi; k++) {
      const id = ids[k];
      if (k === at) {
        window.push({ frameId: id, cuboids: [], pose: poses[id]?.pose ?? null });
        continue;
      }
      const stored = await storage.getAnnotation(id);
      revisions.push(`${id}@${stored?.revision ?? 0}`);
      const cuboids = stored?.cuboids ?? dataset.get(id)?.shipped?.cuboids ?? [];
      window.push({ frameId: id, cuboids: cuboids.filter((c) => c.trackId !== null && c.trackId !== ''), pose: poses[id]?.pose ?? null });
    }
    const expected = lo === at || hi === at ? [] : expectedTrackBoxes(window, at - lo);
    return { expected, around: textSignature(revisions.join(',')) };
  }

  /**
   * The `around` signature of every frame of the dataset, from the revisions of a frame list
   * (frames it does not name count as revision 0), with no storage read.
   */
  async aroundAll(revisions: ReadonlyMap<string, number>): Promise<Map<string, string>> {
    const { dataset } = this.service;
    const ids = dataset.ids();
    const { frames: poses } = await this.poses.get();
    const sequences = ids.map((id) => sequenceOf(dataset.get(id)?.sequence, poses[id]));
    const out = new Map<string, string>();
    ids.forEach((id, at) => {
      const [lo, hi] = trackWindow(sequences, at);
      const parts: string[] = [];
      for (let k = lo; k <= hi; k++) if (k !== at) parts.push(`${ids[k]}@${revisions.get(ids[k]) ?? 0}`);
      out.set(id, textSignature(parts.join(',')));
    });
    return out;
  }
}

/** A frame's sequence: its sequence layout's, else its pose's, else '' (one sequence). */
export function sequenceOf(layoutSequence: string | undefined, pose: FramePose | undefined): string {
  return layoutSequence ?? pose?.sequence ?? '';
}

/** A short signature of a text (FNV-1a, 32 bits, hex). */
export function textSignature(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
