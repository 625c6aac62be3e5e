import { z } from 'zod';
import { USER_NAME_PATTERN } from '../review/Role.ts';
import { FRAME_ID_PATTERN, MAX_FRAME_ID_LENGTH } from './frameId.ts';
import { SPLIT_BY } from '../formats/SplitBy.ts';
import { EXPORT_FORMATS } from '../formats/LabelFormats.ts';
import { MAX_SWEEPS_EACH_SIDE } from '../lod/mergeSweeps.ts';

/**
 * The zod schemas of what the server's routes accept: path parameters, query strings and JSON
 * bodies. The server validates every request with them (Fastify type provider) and publishes them
 * in `/api/openapi.json`; the browser client imports only their inferred types (`import type`),
 * so zod stays out of the app's bundle. A refused request is 400 `{error, detail}` naming the first
 * field that failed (`limit: expected an integer from 1 to 1000`).
 */

/** A query value given once (a repeated key arrives as an array). */
const once = (): z.ZodString => z.string({ error: 'give it once' });

/** A query integer from `min` to `max`, written in digits. */
function queryInt(min: number, max: number, message: string): z.ZodType<number, string> {
  return once()
    .regex(/^\d{1,15}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
}

/** A query flag: `1`/`true` or `0`/`false`. */
const queryFlag = once()
  .regex(/^(?:1|0|true|false)$/, 'expected 0 or 1')
  .transform((v) => v === '1' || v === 'true');

/** A revision number in a query or path (digits). */
const revisionText = (what: string): z.ZodType<number, string> =>
  once()
    .regex(/^\d{1,15}$/, `expected ${what}`)
    .transform(Number);

/** `:id` of every `/api/frames/:id/...` route (an unknown or malformed id is 404, not 400). */
export const frameParamsSchema = z.object({ id: z.string() });

/** `/api/frames/:id/revisions/:revision`. */
export const revisionParamsSchema = z.object({ id: z.string(), revision: z.string() });

/** `/api/frames/:id/flags/:flagId`. */
export const flagParamsSchema = z.object({ id: z.string(), flagId: z.string() });

/** `GET /api/frames/:id/merged?sweeps=N&budget=B&prefetch=1&read=1&near=x,y,r`: sweeps each side 1–25, points sent 1,000–10,000,000 (default 2,000,000). */
export const mergedQuerySchema = z.object({
  sweeps: queryInt(1, MAX_SWEEPS_EACH_SIDE, `expected an integer from 1 to ${MAX_SWEEPS_EACH_SIDE}`),
  budget: queryInt(1000, 10_000_000, 'expected an integer from 1000 to 10000000').optional(),
  /** 1: merge into the server's cache of recent merges and answer at once (202), streaming nothing. */
  prefetch: queryFlag.optional(),
  /** 1: only read the sweeps into the merge thread's memory (202), streaming nothing: a merge asked for later only moves and ranks them. */
  read: queryFlag.optional(),
  /** `x,y,r`: only the merged points within r metres (BEV, 1–100) of (x, y) in the open frame's LiDAR frame, every one up to the budget. */
  near: once()
    .regex(/^-?\d{1,6}(?:\.\d{1,3})?,-?\d{1,6}(?:\.\d{1,3})?,\d{1,3}(?:\.\d{1,3})?$/, 'expected x,y,r in metres (r from 1 to 100)')
    .transform((v) => {
      const [x, y, radius] = v.split(',').map(Number);
      return { x, y, radius };
    })
    .pipe(
      z.object({
        x: z.number(),
        y: z.number(),
        radius: z.number().min(1, 'expected x,y,r in metres (r from 1 to 100)').max(100, 'expected x,y,r in metres (r from 1 to 100)'),
      }),
    )
    .optional(),
});

/** `GET /api/activity?frameId=ID&limit=N` (limit 1–1000, default 100). */
export const activityQuerySchema = z.object({
  frameId: once().max(MAX_FRAME_ID_LENGTH, 'not a valid frame id').regex(FRAME_ID_PATTERN, 'not a valid frame id').optional(),
  limit: queryInt(1, 1000, 'expected an integer from 1 to 1000').optional(),
});

/** `GET /api/frames/:id/diff?from=N&to=M`. */
export const diffQuerySchema = z.object({
  from: revisionText('a revision number').optional(),
  to: revisionText('a revision number').optional(),
});

/** `GET /api/export.zip?split=0.8&seed=S&status=accepted,submitted&bin=1&points=0&images=0`. */
export const exportQuerySchema = z.object({
  split: once()
    .refine((v) => v.trim() !== '' && Number(v) >= 0 && Number(v) <= 1, 'expected a number from 0 to 1')
    .transform(Number)
    .optional(),
  seed: once().max(200, 'at most 200 characters').optional(),
  /** How train and val are split (`server/export/splitExport.ts`). */
  splitBy: z.enum(SPLIT_BY).optional(),
  /** Comma-separated statuses (checked by `parseStatuses`, which names an unknown one). */
  status: once().optional(),
  bin: queryFlag.optional(),
  points: queryFlag.optional(),
  images: queryFlag.optional(),
  /** `keep`: intensities as stored; `scale` (default): rescaled to the format's full scale (KITTI 0..1, nuScenes 0..255). */
  intensity: z.enum(['scale', 'keep']).optional(),
  /** Label format of the archive (`kitti` by default; see `domain/formats/LabelFormats`). */
  format: z.enum(EXPORT_FORMATS).optional(),
});

/** The filters of `GET /api/metrics` and `/api/metrics.csv`: UTC days or ISO instants, a user, the idle gap in minutes. */
export const metricsQuerySchema = z.object({
  from: once().optional(),
  to: once().optional(),
  user: once().regex(USER_NAME_PATTERN, 'not a user name').optional(),
  idle: once()
    .refine((v) => v.trim() !== '' && Number(v) > 0 && Number(v) <= 24 * 60, 'expected minutes from 0 to 1440')
    .transform(Number)
    .optional(),
});

/** `GET /api/metrics.csv`: the metrics filters and which table. */
export const metricsCsvQuerySchema = metricsQuerySchema.extend({
  table: z.enum(['user', 'day', 'frame'], { error: 'expected user, day or frame' }).optional(),
});

/** `POST /api/session`: the login token (a wrong or missing one is 401 `invalid_token`). */
export const loginBodySchema = z.object({ token: z.unknown().optional().describe('the token a lead gave you (43 characters)') });

/** One reason given for submitting despite a check error. */
export const submitOverrideSchema = z.object({
  ruleId: z.string({ error: 'expected a rule id' }).min(1, 'expected a rule id').max(128, 'expected a rule id'),
  cuboidId: z.string({ error: 'expected a box id or null' }).max(128, 'expected a box id or null').nullable().default(null),
  reason: z
    .string({ error: 'every override needs a reason (1-2000 characters)' })
    .max(2000, 'every override needs a reason (1-2000 characters)')
    .refine((r) => r.trim() !== '', 'every override needs a reason (1-2000 characters)'),
});

/** Most overrides one submit may carry. */
const MAX_OVERRIDES = 10_000;

/** `POST /api/frames/:id/submit {overrides}`. */
export const submitBodySchema = z.object({
  overrides: z
    .array(submitOverrideSchema, { error: `expected an array of at most ${MAX_OVERRIDES} items` })
    .max(MAX_OVERRIDES, `expected an array of at most ${MAX_OVERRIDES} items`)
    .default([]),
});

/** `POST /api/frames/:id/reject {comment?}`. */
export const rejectBodySchema = z.object({
  comment: z.string({ error: 'expected text of at most 10,000 characters' }).max(10_000, 'expected text of at most 10,000 characters').default(''),
});

/** `POST /api/frames/:id/accept`: nothing to say (`{}`). */
export const emptyBodySchema = z.object({});

/** `POST /api/jobs/export`: its options are in the query (as `GET /api/export.zip`); a body that says more is refused, not ignored. */
export const exportJobBodySchema = z.strictObject(
  {},
  { error: 'the export options go in the query string (format=…&split=…&status=…), as for GET /api/export.zip; the body must be empty or {}' },
);

/** `PUT /api/frames/:id/assignment {annotator?, reviewer?}` (lead): a user name, or null to clear. */
export const assignmentBodySchema = z.object({
  annotator: z.string().regex(USER_NAME_PATTERN).nullable().optional(),
  reviewer: z.string().regex(USER_NAME_PATTERN).nullable().optional(),
});

/** Largest coordinate of a flag's location, metres. */
const MAX_COORD = 1e6;

/** `POST /api/frames/:id/flags`: a flag on a box (`cuboidId`) or at a missed object (`location`, LiDAR frame, metres). */
export const newFlagBodySchema = z
  .object({
    cuboidId: z.string({ error: 'expected a box id' }).min(1, 'expected a box id').max(128, 'expected a box id').nullable().default(null),
    location: z
      .tuple([z.number(), z.number(), z.number()], { error: 'expected [x, y, z] in metres (LiDAR frame)' })
      .refine((v) => v.every((c) => Math.abs(c) <= MAX_COORD), 'expected [x, y, z] in metres (LiDAR frame)')
      .nullable()
      .default(null),
    reason: z
      .string({ error: 'expected an edge-case dictionary id' })
      .min(1, 'expected an edge-case dictionary id')
      .max(128, 'expected an edge-case dictionary id'),
    comment: z
      .string({ error: 'expected text of at most 10,000 characters' })
      .max(10_000, 'expected text of at most 10,000 characters')
      .default('')
      .transform((c) => c.trim()),
  })
  .refine((b) => (b.cuboidId === null) !== (b.location === null), 'give either cuboidId (a box) or location (a missed object), not both');

/** `PATCH /api/frames/:id/flags/:flagId {state}`. */
export const flagStateBodySchema = z.object({
  state: z.enum(['open', 'resolved', 'closed'], { error: 'expected "resolved", "closed" or "open"' }),
});

/**
 * `PUT /api/dictionary`: the whole dictionary, whose `version` is the one edited. The rest is
 * checked by `parseDictionary` (400 `invalid_dictionary` listing every problem).
 */
export const dictionaryBodySchema = z.looseObject({
  version: z
    .number({ error: 'expected the version the edit is based on (an integer ≥ 1)' })
    .int('expected the version the edit is based on (an integer ≥ 1)')
    .min(1, 'expected the version the edit is based on (an integer ≥ 1)'),
});

/**
 * `PUT /api/frames/:id/annotation`: the annotation document (migrated and checked field by field by
 * `validateAnnotation`, 400 `invalid_annotation` with every issue) and optionally `baseRevision`
 * (else `If-Match: "N"`).
 */
export const annotationBodySchema = z.looseObject({
  schemaVersion: z.number({ error: 'required: the document schema version, a number' }),
  baseRevision: z.number().int('expected a non-negative integer').min(0, 'expected a non-negative integer').max(Number.MAX_SAFE_INTEGER).optional(),
});
