import { z } from 'zod';
import { edgeCaseDictionarySchema } from '../checks/dictionary/EdgeCaseDictionary.ts';
import { FRAME_STATUSES, type FrameAnnotation } from '../document/FrameAnnotation.ts';
import { annotationSchema, cuboidSchema, flagSchema } from '../document/validateAnnotation.ts';
import type { MetricsReport } from '../metrics/MetricsReport.ts';
import type { BinLayoutChoice } from '../pointcloud/BinLayoutChoice.ts';
import type { AnnotationDiff } from '../review/diffAnnotations.ts';
import { ROLES } from '../review/Role.ts';

/**
 * The zod schemas of what the server's routes answer, for the OpenAPI document
 * (`GET /api/openapi.json`) and for the types both sides use: the server's handlers are checked
 * against them at compile time, and the browser client imports the inferred types only (`import
 * type`, no zod in the bundle). Replies are not re-validated at run time (a 10,000-box document
 * would cost the event loop for nothing); `tests/unit/server/routes/openapi.test.ts` parses real
 * replies with them. Units as in the domain types: metres and radians in the LiDAR frame.
 */

/**
 * An annotation document as the server sends it: the stored document schema, typed as the domain's
 * `FrameAnnotation` (whose `dontCare` rows are the wider `KittiObject`; the server only ever stores
 * what `validateAnnotation` accepted).
 */
export const documentSchema: z.ZodType<FrameAnnotation> = annotationSchema as unknown as z.ZodType<FrameAnnotation>;

/** Every error response: `{error, detail, ...}` (a 400 of a document adds `issues`). */
export const errorBodySchema = z.looseObject({ error: z.string(), detail: z.string() });

const userSchema = z.object({ name: z.string(), role: z.enum(ROLES) });

/** `GET /api/session`: `single` = no login needed (everyone a lead); `auth` = log in; `locked` = the server has no users. */
export const sessionInfoSchema = z.object({ mode: z.enum(['single', 'auth', 'locked']), user: userSchema.nullable() });

/** `POST /api/session`: the session, and when the login ends (absent in single-user mode). */
export const loginReplySchema = sessionInfoSchema.extend({ expiresAt: z.string().optional() });

/** One user of `GET /api/users` (lead): never a token or hash. */
export const userInfoSchema = userSchema.extend({ createdAt: z.string() });

/** One entry of `GET /api/frames/:id/revisions`. */
export const revisionInfoSchema = z.object({
  revision: z.number(),
  savedAt: z.string(),
  savedBy: z.string().nullable(),
  source: z.enum(['save', 'import', 'review']),
  boxCount: z.number(),
});

const matrix = z.array(z.number());

/** A parsed KITTI calib (row-major float64 matrices; see `domain/kitti/KittiCalib.ts`). */
const kittiCalibSchema = z.object({
  P2: matrix,
  R0_rect: matrix,
  Tr_velo_to_cam: matrix,
  P0: matrix.optional(),
  P1: matrix.optional(),
  P3: matrix.optional(),
  Tr_imu_to_velo: matrix.optional(),
  velo2rect: matrix,
  rect2velo: matrix,
  synthetic: z.boolean().optional(),
});

/** `GET /api/frames/:id/calib`. `calib` null = no calib file (use the no-camera convention). */
export const calibResponseSchema = z.object({
  frameId: z.string(),
  calib: kittiCalibSchema.nullable(),
  /** Image 2 `[width, height]`, pixels (PNG header, else 1242×375). */
  imageSize: z.tuple([z.number(), z.number()]),
});

const checkCountsSchema = z.object({ error: z.number(), warning: z.number(), info: z.number() });

/** One row of `GET /api/frames`. */
export const frameListItemSchema = z.object({
  id: z.string(),
  pointsFile: z.string().nullable(),
  hasCalib: z.boolean(),
  hasImage: z.boolean(),
  hasLabel: z.boolean(),
  pointCount: z.number().nullable(),
  status: z.enum(FRAME_STATUSES),
  boxCount: z.number(),
  revision: z.number(),
  labelProblem: z.string().optional(),
  calibProblem: z.string().optional(),
  checks: checkCountsSchema.nullable().optional(),
});

/** `GET /api/dataset`. */
export const datasetInfoSchema = z.object({
  name: z.string(),
  id: z.string(),
  root: z.string().optional(),
  /** The folder layout found (`kitti`, `flat`, ...; see `server/dataset/datasetLayouts.ts`). */
  layout: z.string(),
  frameCount: z.number(),
  labelsDir: z.string(),
  stateDir: z.string(),
  warnings: z.array(z.string()).readonly(),
  binLayouts: z.array(z.custom<BinLayoutChoice & { frames: number }>()),
});

/** `GET /api/frames/:id/checks`. */
export const frameCheckSummarySchema = checkCountsSchema.extend({
  frameId: z.string(),
  revision: z.number(),
  dictionaryVersion: z.number(),
  skipped: z.string().optional(),
  tracks: z.string().optional(),
  around: z.string().optional(),
});

/** One frame of `GET /api/tracks`. */
export const trackFrameSchema = z.object({ frameId: z.string(), revision: z.number(), cuboids: z.array(cuboidSchema) });

const vec3Schema = z.tuple([z.number(), z.number(), z.number()]).readonly();

/** `GET /api/frames/:id/expected-tracks`: where the tracks of the frames around are expected in the frame (`ExpectedTrackBox`). */
export const expectedTracksSchema = z.object({
  frameId: z.string(),
  expectedTracks: z.array(
    z.object({
      trackId: z.string(),
      label: z.string(),
      box: z.object({ center: vec3Schema, size: vec3Schema, yaw: z.number() }),
      before: z.string(),
      after: z.string(),
    }),
  ),
});

/** `PUT /api/frames/:id/annotation` (200). */
export const saveReplySchema = z.object({ annotation: documentSchema, labelWritten: z.boolean(), labelError: z.string().optional() });

/** `PUT /api/frames/:id/annotation` (409): someone saved first; `current` is their document. */
export const conflictReplySchema = errorBodySchema.extend({ current: documentSchema });

const detailSchema = z.record(z.string(), z.unknown());

/** One line of `GET /api/activity`. */
export const activityEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  user: z.string().nullable(),
  action: z.string(),
  frameId: z.string().nullable(),
  revision: z.number().nullable(),
  detail: detailSchema,
});

const reviewStepSchema = activityEntrySchema.omit({ id: true, frameId: true });

/** `GET /api/frames/:id/review`. */
export const reviewInfoSchema = z.object({
  frameId: z.string(),
  revision: z.number(),
  status: z.enum(FRAME_STATUSES),
  annotator: z.string().nullable(),
  reviewer: z.string().nullable(),
  flags: z.object({ open: z.number(), resolved: z.number(), closed: z.number() }),
  submittedRevisions: z.array(z.number()),
  acceptedRevision: z.number().nullable(),
  importedRevision: z.number().nullable(),
  history: z.array(reviewStepSchema),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    accept: z.boolean(),
    reject: z.boolean(),
    reopen: z.boolean(),
    flag: z.boolean(),
    resolveFlags: z.boolean(),
    closeFlags: z.boolean(),
  }),
});

/** `GET /api/frames/:id/diff`: per-box changes between two revisions (see `domain/review/diffAnnotations.ts`). */
export const diffReplySchema = z.custom<AnnotationDiff & { frameId: string }>();

/** `PUT /api/frames/:id/assignment`. */
export const assignmentReplySchema = z.object({ frameId: z.string(), annotator: z.string().nullable(), reviewer: z.string().nullable() });

/** `POST /api/frames/:id/flags` (201). */
export const newFlagReplySchema = z.object({ flag: flagSchema, annotation: documentSchema });

/** `GET /api/dictionary` and `PUT` (the stored one). */
export const dictionaryReplySchema = z.object({
  dictionary: edgeCaseDictionarySchema,
  source: z.enum(['file', 'database', 'default']),
  /** Why the stored dictionary is not in force (the built-in one is meanwhile). */
  problem: z.string().optional(),
});

/** `GET /api/metrics`: see `domain/metrics/MetricsReport.ts`. */
export const metricsReplySchema = z.custom<MetricsReport>();

export type SessionInfo = z.output<typeof sessionInfoSchema>;
export type UserInfo = z.output<typeof userInfoSchema>;
export type RevisionInfo = z.output<typeof revisionInfoSchema>;
export type CalibResponse = z.output<typeof calibResponseSchema>;
