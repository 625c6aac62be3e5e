import type { Cuboid } from '../types.ts';
import type { KittiObject } from '../kitti/KittiObject.ts';

/** Current version of the stored annotation document; bump with a migration in `migrations.ts`. */
export const ANNOTATION_SCHEMA_VERSION = 2;

/** Every review status a frame can have, in workflow order (the one list: schemas, export filters and types use it). */
export const FRAME_STATUSES = ['todo', 'in_progress', 'submitted', 'accepted', 'rejected'] as const;

export type FrameStatus = (typeof FRAME_STATUSES)[number];

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
 * A place an annotator marked "not an object": the missed-object search pointed at scenery there
 * (a hedge, a post) and should not again. Kept with the frame's boxes (merged, undone and saved
 * like one); the checks leave clusters inside it alone, and the KITTI label gets a DontCare line
 * for it when it projects into the camera image.
 */
export interface Dismissal {
  id: string;
  /** Centre of the dismissed cluster, LiDAR frame, metres. */
  location: [number, number, number];
  /** Bird's-eye-view radius around `location`, metres (by default from the cluster's size). */
  radius: number;
  /** The class the checks suggested for it, which it is not (e.g. `Car`). */
  label?: string;
  /** Why, in the user's words. */
  reason?: string;
  /** Who dismissed it (user name; the server stamps it on save when users are configured). */
  by?: string;
  /** When, ISO 8601. */
  at?: string;
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
  /** "Not an object" dismissals of missed-object findings (schema version 2 on). */
  dismissals: Dismissal[];
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
    dismissals: [],
    status: 'todo',
  };
}
