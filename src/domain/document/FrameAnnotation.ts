import type { Cuboid } from '../types.ts';
import type { KittiObject } from '../kitti/KittiObject.ts';

/** Current version of the stored annotation document; bump with a migration in `migrations.ts`. */
export const ANNOTATION_SCHEMA_VERSION = 1;

export type FrameStatus = 'todo' | 'in_progress' | 'submitted' | 'accepted' | 'rejected';

/** A reviewer's flag on a box (or on a 3D location for a missed object). */
export interface ReviewFlag {
  id: string;
  cuboidId: string | null;
  /** LiDAR-frame location for a flag on a missed object. */
  location: [number, number, number] | null;
  /** Edge-case dictionary entry id. */
  reason: string;
  comment: string;
  author: string;
  state: 'open' | 'resolved' | 'closed';
  createdAt: string;
}

/**
 * The annotation of one frame, in full precision (LiDAR frame). The server owns `revision`:
 * every accepted save increments it by one.
 */
export interface FrameAnnotation {
  schemaVersion: number;
  frameId: string;
  revision: number;
  cuboids: Cuboid[];
  /** KITTI DontCare regions (image boxes only), kept and written last in label_2. */
  dontCare: KittiObject[];
  flags: ReviewFlag[];
  status: FrameStatus;
  /** Version of the edge-case dictionary the frame was last checked against. */
  dictionaryVersion?: number;
}

/** An empty annotation for a frame that has never been saved. */
export function emptyAnnotation(frameId: string): FrameAnnotation {
  return {
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    frameId,
    revision: 0,
    cuboids: [],
    dontCare: [],
    flags: [],
    status: 'todo',
  };
}
