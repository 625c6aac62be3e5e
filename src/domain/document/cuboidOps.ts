import type { Cuboid, CuboidAttributes, CuboidSource, Vec3 } from '../types.ts';
import type { FrameAnnotation } from './FrameAnnotation.ts';
import { trackNumberOf } from '../sequence/trackName.ts';

/**
 * Immutable operations on a frame's annotation document. Every op returns a new document (and new
 * arrays for what changed) or the *same* document object when nothing changed, so that callers
 * (the store's undo history) can skip no-ops with `===`.
 *
 * All geometry is in the LiDAR frame: metres, yaw in radians about +z.
 */

/**
 * The fields of a cuboid an edit may change. `id` is fixed for a box's lifetime; `attributes`
 * are merged key by key.
 */
export type CuboidPatch = Partial<Omit<Cuboid, 'id' | 'attributes'>> & { attributes?: Partial<CuboidAttributes> };

/** A source of uniform numbers in [0, 1); `Math.random` by default, injectable for tests. */
export type RandomSource = () => number;

let idCounter = 0;
/**
 * Tracks count on their own: shared with box ids, the first box drawn was "Track 2" ("Car 2" in
 * the object list). The highest track number seen in saved frames (`noteTrackIds`), or issued
 * when no live document is known (`trackNumbersFrom`).
 */
let trackCounter = 0;
/** The track ids of the open document, when the page gave them (`trackNumbersFrom`). */
let liveTrackIds: (() => Iterable<string | null>) | null = null;
/** The highest number issued since the current task began: several new tracks in one action differ. */
let issuedThisTask = 0;

function randomSuffix(random: RandomSource): string {
  let out = '';
  for (let i = 0; i < 6; i++) out += Math.floor(random() * 36).toString(36);
  return out;
}

/**
 * A new cuboid id: `c` + a per-page counter + a random suffix (`c12-k3x9qa`). The counter keeps ids
 * of one session ordered and distinct; the suffix keeps them distinct across sessions and
 * annotators editing the same frame.
 */
export function newCuboidId(random: RandomSource = Math.random): string {
  idCounter += 1;
  return `c${idCounter}-${randomSuffix(random)}`;
}

/**
 * A new track id (`t` + a number + random suffix), same scheme as `newCuboidId`: the number is one
 * past every track of the saved frames seen (`noteTrackIds`) and of the open document
 * (`trackNumbersFrom`), so tracks are numbered 1, 2, 3, … and a fit that was undone gives its
 * number back. Without a live document, a per-page counter.
 */
export function newTrackId(random: RandomSource = Math.random): string {
  let n = trackCounter;
  if (liveTrackIds !== null) for (const id of liveTrackIds()) n = Math.max(n, trackNumberOf(id) ?? 0);
  n = Math.max(n, issuedThisTask) + 1;
  if (liveTrackIds === null) trackCounter = n;
  if (issuedThisTask === 0) void Promise.resolve().then(() => (issuedThisTask = 0));
  issuedThisTask = n;
  return `t${n}-${randomSuffix(random)}`;
}

/**
 * Numbers new tracks past the track ids `source` gives at that moment (the open document's) as
 * well as those noted: undoing the box that took a number frees it. Null: back to the counter.
 */
export function trackNumbersFrom(source: (() => Iterable<string | null>) | null): void {
  liveTrackIds = source;
}

/**
 * Makes `newTrackId` number past every track of `trackIds` (`t12-…` counts as 12): tracks made
 * after a page reload do not start again at 1 beside the saved ones ("Car 1" twice in a sequence).
 */
export function noteTrackIds(trackIds: Iterable<string | null>): void {
  for (const id of trackIds) trackCounter = Math.max(trackCounter, trackNumberOf(id) ?? 0);
}

/** Wraps an angle (radians) to (−π, π]. */
export function normalizeYaw(yaw: number): number {
  let a = yaw % (2 * Math.PI);
  if (a <= -Math.PI) a += 2 * Math.PI;
  else if (a > Math.PI) a -= 2 * Math.PI;
  return a;
}

export interface CreateCuboidInput {
  label: string;
  /** Geometric centre, LiDAR frame, metres. */
  center: Vec3;
  /** [length along heading, width, height], metres. */
  size: Vec3;
  /** Radians about +z from +x; normalised to (−π, π]. */
  yaw: number;
  source: CuboidSource;
  id?: string;
  trackId?: string | null;
  attributes?: Partial<CuboidAttributes>;
}

/**
 * Builds a complete `Cuboid` with defaults: a fresh id and track id, `truncated` 0 and
 * `occluded` 0. Size components are taken as given (callers clamp).
 */
export function createCuboid(input: CreateCuboidInput): Cuboid {
  return {
    id: input.id ?? newCuboidId(),
    trackId: input.trackId === undefined ? newTrackId() : input.trackId,
    label: input.label,
    center: [input.center[0], input.center[1], input.center[2]],
    size: [input.size[0], input.size[1], input.size[2]],
    yaw: normalizeYaw(input.yaw),
    attributes: { truncated: 0, occluded: 0, ...input.attributes },
    source: input.source,
  };
}

/**
 * Appends a cuboid. Throws if the id is already used: a duplicate id would make every later
 * update ambiguous.
 */
export function addCuboid(doc: FrameAnnotation, cuboid: Cuboid): FrameAnnotation {
  if (doc.cuboids.some((c) => c.id === cuboid.id)) {
    throw new Error(`cuboidOps.addCuboid: frame ${doc.frameId} already has a cuboid with id "${cuboid.id}"`);
  }
  return { ...doc, cuboids: [...doc.cuboids, cuboid] };
}

/** Appends several cuboids in order (one new document); same id rule as `addCuboid`. */
export function addCuboids(doc: FrameAnnotation, cuboids: readonly Cuboid[]): FrameAnnotation {
  return cuboids.reduce(addCuboid, doc);
}

function sameVec(a: Vec3, b: Vec3): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

function applyPatch(c: Cuboid, patch: CuboidPatch): Cuboid {
  const geometric =
    (patch.center !== undefined && !sameVec(patch.center, c.center)) ||
    (patch.size !== undefined && !sameVec(patch.size, c.size)) ||
    (patch.yaw !== undefined && patch.yaw !== c.yaw);
  let changed = geometric;
  for (const key of Object.keys(patch) as (keyof CuboidPatch)[]) {
    if (key === 'center' || key === 'size' || key === 'yaw') continue;
    if (key === 'attributes') {
      const attrs = patch.attributes;
      if (attrs && Object.keys(attrs).some((k) => attrs[k] !== c.attributes[k])) changed = true;
    } else if (patch[key] !== c[key]) {
      changed = true;
    }
  }
  if (!changed) return c;
  const next: Cuboid = { ...c, ...patch, id: c.id, attributes: c.attributes };
  if (patch.yaw !== undefined) next.yaw = normalizeYaw(patch.yaw);
  if (patch.attributes) {
    const attributes: CuboidAttributes = { ...c.attributes };
    for (const [k, v] of Object.entries(patch.attributes)) if (v !== undefined) attributes[k] = v;
    next.attributes = attributes;
  }
  // The kept KITTI 2D fields describe the old geometry; an edited box must recompute them.
  if (geometric && patch.kitti2d === undefined) delete next.kitti2d;
  return next;
}

/**
 * Applies `patch` to the cuboid `id`. A geometric change (center, size or yaw differing from the
 * current value) drops `kitti2d`; `source` stays unless the patch sets it. `attributes` are merged.
 * Returns the same document when the id is unknown or nothing changes.
 */
export function updateCuboid(doc: FrameAnnotation, id: string, patch: CuboidPatch): FrameAnnotation {
  return updateCuboids(doc, { [id]: patch });
}

/** Applies one patch per id in a single new document (see `updateCuboid`). */
export function updateCuboids(doc: FrameAnnotation, patches: Readonly<Record<string, CuboidPatch>>): FrameAnnotation {
  let changed = false;
  const cuboids = doc.cuboids.map((c) => {
    const patch = Object.prototype.hasOwnProperty.call(patches, c.id) ? patches[c.id] : undefined;
    if (!patch) return c;
    const next = applyPatch(c, patch);
    if (next !== c) changed = true;
    return next;
  });
  return changed ? { ...doc, cuboids } : doc;
}

/**
 * Removes the cuboids with the given ids. Review flags that point at them stay: a flag such as
 * "false positive" is resolved by deleting the box, and the reviewer still needs to see it.
 * Returns the same document when none of the ids exist.
 */
export function removeCuboids(doc: FrameAnnotation, ids: Iterable<string>): FrameAnnotation {
  const drop = new Set(ids);
  if (!doc.cuboids.some((c) => drop.has(c.id))) return doc;
  return {
    ...doc,
    cuboids: doc.cuboids.filter((c) => !drop.has(c.id)),
  };
}

/** The cuboid with `id`, or undefined. */
export function findCuboid(doc: FrameAnnotation, id: string): Cuboid | undefined {
  return doc.cuboids.find((c) => c.id === id);
}
