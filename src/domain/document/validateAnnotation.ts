import { z } from 'zod';
import { CLASS_NAME_PATTERN, isBoxClass } from './className.ts';
import { FRAME_STATUSES, type FrameAnnotation } from './FrameAnnotation.ts';
import { MigrationError, migrateAnnotation } from './migrations.ts';
import { MAX_COORD, MAX_SIZE } from './boxLimits.ts';

/** Largest "not an object" radius accepted, metres (a dismissal covers one cluster, not the street). */
export const MAX_DISMISSAL_RADIUS = 50;
/** Most boxes, DontCare regions, flags or dismissals accepted in one frame. */
export const MAX_ITEMS_PER_FRAME = 10_000;

/** Largest image coordinate accepted for a 2D box, pixels (KITTI's are under 1,300; -1 is a placeholder). */
const MAX_PIXEL = 1e5;
/** Largest score magnitude accepted (detectors give 0..1; logits stay far inside this). */
const MAX_SCORE = 1e6;

const finite = z.number().min(-MAX_COORD).max(MAX_COORD);
const vec3 = z.tuple([finite, finite, finite]);
/** A box's `Vec3` (read-only, as the domain type). */
const boxVec3 = vec3.readonly();
const positiveSize = z.number().gt(0, 'must be > 0').max(MAX_SIZE);
const shortText = z.string().max(256);
/** A KITTI class token: written as one whitespace-free column of label_2; the same rule as the label_2 import. */
const kittiType = z.string().regex(CLASS_NAME_PATTERN, `must be 1-64 characters with no spaces and no control or invisible characters`);
/** A box's class: a KITTI type, but never `DontCare` (that line is a region to ignore, not a box). */
const boxClass = kittiType.refine(isBoxClass, {
  message: 'DontCare is not a box class: KITTI readers drop DontCare lines as regions to ignore; pick a class (e.g. Misc)',
});
/** A KITTI observation angle or rotation, radians, [-π, π], or the -10 "invalid" placeholder. */
const kittiAngle = z.number().min(-10).max(10);
const pixel = z.number().min(-MAX_PIXEL).max(MAX_PIXEL);
const bbox2d = z.tuple([pixel, pixel, pixel, pixel]);
const score = z.number().min(-MAX_SCORE).max(MAX_SCORE);

export const cuboidSchema = z.object({
  id: z.string().min(1).max(128),
  trackId: z.string().max(128).nullable(),
  label: boxClass,
  center: boxVec3,
  size: z.tuple([positiveSize, positiveSize, positiveSize]).readonly(),
  yaw: z.number().min(-1000).max(1000),
  attributes: z
    .object({
      truncated: z.number().min(-1).max(2),
      occluded: z.int().min(-1).max(3),
    })
    .catchall(z.union([z.number(), z.string().max(1024), z.boolean()])),
  source: z.enum(['manual', 'fit', 'import']),
  score: score.optional(),
  kitti2d: z.object({ alpha: kittiAngle, bbox: bbox2d }).optional(),
});

/** A DontCare region as read from label_2: its 2D box matters; the 3D values are placeholders (-1, -1000, -10). */
const dontCareSchema = z.object({
  type: z.literal('DontCare'),
  truncated: z.number().min(-1).max(2),
  occluded: z.int().min(-1).max(3),
  alpha: kittiAngle,
  bbox: bbox2d,
  dimensions: z.tuple([z.number().min(-1000).max(MAX_SIZE), z.number().min(-1000).max(MAX_SIZE), z.number().min(-1000).max(MAX_SIZE)]),
  location: vec3,
  rotationY: kittiAngle,
  score: score.optional(),
});

export const flagSchema = z.object({
  id: z.string().min(1).max(128),
  cuboidId: z.string().max(128).nullable(),
  location: vec3.nullable(),
  reason: shortText,
  comment: z.string().max(10_000),
  author: shortText,
  state: z.enum(['open', 'resolved', 'closed']),
  createdAt: shortText,
});

const dismissalSchema = z.object({
  id: z.string().min(1).max(128),
  location: vec3,
  radius: z.number().gt(0, 'must be > 0').max(MAX_DISMISSAL_RADIUS),
  label: kittiType.optional(),
  reason: z.string().max(1024).optional(),
  by: shortText.optional(),
  at: shortText.optional(),
});

/** The zod schema of a stored or submitted annotation document (after migration). */
export const annotationSchema = z
  .object({
    schemaVersion: z.int().min(1),
    frameId: z.string().min(1).max(128),
    revision: z.int().min(0).optional(),
    cuboids: z.array(cuboidSchema).max(MAX_ITEMS_PER_FRAME),
    dontCare: z.array(dontCareSchema).max(MAX_ITEMS_PER_FRAME),
    flags: z.array(flagSchema).max(MAX_ITEMS_PER_FRAME),
    dismissals: z.array(dismissalSchema).max(MAX_ITEMS_PER_FRAME),
    status: z.enum(FRAME_STATUSES),
    dictionaryVersion: z.int().min(0).optional(),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.cuboids.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['cuboids', i, 'id'], message: `duplicate cuboid id "${c.id}"` });
      seen.add(c.id);
    });
    const dismissed = new Set<string>();
    doc.dismissals.forEach((d, i) => {
      if (dismissed.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dismissals', i, 'id'], message: `duplicate dismissal id "${d.id}"` });
      dismissed.add(d.id);
    });
  });

/** One validation problem: `path` in JS notation (`cuboids[2].center[1]`), empty for the root. */
export interface AnnotationIssue {
  path: string;
  message: string;
}

export type AnnotationValidation = { ok: true; value: FrameAnnotation } | { ok: false; issues: AnnotationIssue[] };

/**
 * Checks an untrusted annotation document (parsed JSON): migrates it from its `schemaVersion` to
 * the current one, then validates every field (finite numbers within bounds, metres and radians in
 * the LiDAR frame; positive sizes and dismissal radii; known enums; unique cuboid and dismissal ids; bounded list and string sizes).
 * Unknown fields are dropped. The returned `revision` is the submitted one or 0; the server owns it.
 *
 * Never throws: every problem comes back as an issue naming the field.
 */
export function validateAnnotation(input: unknown): AnnotationValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'expected a JSON object' }] };
  }
  const raw = input as Record<string, unknown>;
  if (raw.schemaVersion === undefined) return { ok: false, issues: [{ path: 'schemaVersion', message: 'required' }] };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateAnnotation(raw);
  } catch (err) {
    if (err instanceof MigrationError) return { ok: false, issues: [{ path: 'schemaVersion', message: err.message }] };
    throw err;
  }
  const result = annotationSchema.safeParse(migrated);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path, migrated), message: issue.message })),
    };
  }
  const value: FrameAnnotation = { ...result.data, revision: result.data.revision ?? 0 };
  return { ok: true, value };
}

/**
 * `cuboids[30].label`, with the box or dismissal named by its id where the document gives one
 * (`cuboids[30] (id "car-3f2a").label`): the index alone does not tell the user which box.
 */
function formatPath(path: readonly PropertyKey[], doc: Record<string, unknown>): string {
  let out = '';
  path.forEach((key, i) => {
    if (typeof key !== 'number') {
      out += out === '' ? String(key) : `.${String(key)}`;
      return;
    }
    out += `[${key}]`;
    const list = i === 1 ? doc[String(path[0])] : undefined;
    const id = Array.isArray(list) ? (list[key] as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id === 'string' && id.length > 0 && id.length <= 80) out += ` (id "${id}")`;
  });
  return out;
}
