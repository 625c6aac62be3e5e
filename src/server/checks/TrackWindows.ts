import type { ExpectedTrackBox } from '../../domain/checks/CheckContext.ts';
import { expectedTrackBoxes, trackWindow } from '../../domain/checks/expectedTrackBoxes.ts';
import type { TrackWindowFrame } from '../../domain/checks/expectedTrackBoxes.ts';
import type { FramePose } from '../../domain/poses/Pose.ts';
import type { Cuboid } from '../../domain/types.ts';
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
    const { dataset } = this.service;
    const ids = dataset.ids();
    const at = ids.indexOf(frameId);
    if (at < 0) return [];
    const { frames: poses } = await this.poses.get();
    const [lo, hi] = trackWindow(
      ids.map((id) => sequenceOf(dataset.get(id)?.sequence, poses[id])),
      at,
    );
    if (lo === at || hi === at) return [];
    const window: TrackWindowFrame[] = [];
    for (let k = lo; k <= hi; k++) {
      const id = ids[k];
      const cuboids = k === at ? [] : await this.boxesOf(id);
      window.push({ frameId: id, cuboids: cuboids.filter((c) => c.trackId !== null && c.trackId !== ''), pose: poses[id]?.pose ?? null });
    }
    return expectedTrackBoxes(window, at - lo);
  }

  private async boxesOf(frameId: string): Promise<readonly Cuboid[]> {
    const stored = await this.service.storage.getAnnotation(frameId);
    if (stored !== null) return stored.cuboids;
    return this.service.dataset.get(frameId)?.shipped?.cuboids ?? [];
  }
}

/** A frame's sequence: its sequence layout's, else its pose's, else '' (one sequence). */
export function sequenceOf(layoutSequence: string | undefined, pose: FramePose | undefined): string {
  return layoutSequence ?? pose?.sequence ?? '';
}
