import { z } from 'zod';

/**
 * The zod schemas of the background-job routes (`POST /api/jobs/export`, `GET /api/jobs/:id`,
 * `GET /api/jobs/:id/file`), shared by the server (validation, OpenAPI) and the client (types only).
 */

/** A job's life: waiting for a worker, running (progress 0..1), done with a result, or failed with an error. */
export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** `:id` of the job routes: the UUID `POST /api/jobs/export` answered. */
export const jobParamsSchema = z.object({ id: z.uuid('not a job id (a UUID)') });

/** The kinds of job: a frame's check, the dashboard's export zip, `cuboid export --job`'s tree. */
export const JOB_KINDS = ['check', 'export', 'export-tree'] as const;

/** `GET /api/jobs/:id`: state, progress (0..1, fraction of frames exported), result or error. */
export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  /** Fraction done, 0..1 (1 once done). */
  progress: z.number().min(0).max(1),
  /** Runs started so far: above 1 when a worker died (or expired) and the queue retried the job. */
  attempts: z.number(),
  /** ISO-8601 UTC instant the job was queued. */
  createdAt: z.string(),
  /** The done job's result (an export: `{fileName, bytes, frames, skipped}`: the zip's name and size, frames written and skipped). */
  result: z.unknown().optional(),
  /** The failed job's error, as the other routes answer errors. */
  error: z.object({ error: z.string(), detail: z.string() }).optional(),
});
export type JobStatusReply = z.output<typeof jobStatusSchema>;

/** `POST /api/jobs/export` (202): the queued job; poll `GET /api/jobs/:id`, then fetch `GET /api/jobs/:id/file`. */
export const jobCreatedSchema = z.object({ id: z.string(), kind: z.enum(JOB_KINDS), state: z.enum(JOB_STATES) });
export type JobCreatedReply = z.output<typeof jobCreatedSchema>;
