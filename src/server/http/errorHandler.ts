import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import path from 'node:path';
import { FrameFileError } from '../dataset/FrameFileError.ts';
import { DatasetFileError, toDatasetFileError } from '../dataset/fileError.ts';
import { isDatasetUnavailable } from '../dataset/sourceErrors.ts';
import { KittiError } from '../../domain/kitti/KittiError.ts';
import { PcdError } from '../../domain/pcd/PcdError.ts';
import { PointFileError } from '../../domain/pointcloud/PointFileError.ts';
import { HttpError, type ErrorBody } from './HttpError.ts';
import { describePgError, isDatabaseUnavailable } from '../storage/postgresConnection.ts';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Fastify error codes that are the client's fault, with our error name. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length'],
};

/**
 * Installs the JSON error responses: every error is `{error, detail}`; validation and parse
 * problems are 4xx; a dataset file that is missing or unreadable is 422 naming it (relative to
 * the dataset) and why; a malformed point, calib or label file is 422; unknown routes are 404;
 * only a real server fault is 500 (and logged).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const [status, body] = hasZodFastifySchemaValidationErrors(err)
      ? [400, validationBody(err.validation, err.validationContext, request.routeOptions.config.invalidBody)]
      : toResponse(err, datasetRoot(request));
    if (status >= 500) request.log.error({ err }, 'request failed');
    void reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send({ error: 'not_found', detail: `no route for ${request.method} ${request.url.slice(0, 200)}` } satisfies ErrorBody);
  });
}

/** A request that failed its zod schema: 400 naming the first field (`overrides[0].reason: ...`), every issue listed. */
function validationBody(
  issues: readonly { instancePath: string; message?: string }[],
  context: string | undefined,
  invalidBody: string | undefined,
): ErrorBody {
  const listed = issues.slice(0, 50).map((i) => ({ path: jsPath(i.instancePath), message: i.message ?? 'invalid' }));
  const first = listed[0];
  const error = context === 'querystring' ? 'invalid_query' : context === 'body' ? (invalidBody ?? 'invalid_body') : 'bad_request';
  const what = first.path === '' ? (context === 'body' ? 'body' : context === 'querystring' ? 'query' : 'request') : first.path;
  return { error, detail: `${what}: ${first.message}`, issues: listed };
}

/** `/overrides/0/reason` → `overrides[0].reason`. */
function jsPath(pointer: string): string {
  let out = '';
  for (const key of pointer.split('/').filter((k) => k !== '')) {
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

function datasetRoot(request: FastifyRequest): string | null {
  const ws = (request.server as Partial<FastifyInstance>).cuboid;
  return ws?.dataset.root ?? null;
}

/** The response of an error; `root` is the dataset folder (file system errors under it are the dataset's). */
export function toResponse(err: FastifyError | Error, root: string | null): [number, ErrorBody] {
  if (err instanceof HttpError) return [err.status, { error: err.error, detail: err.detail, ...err.extra }];
  if (err instanceof FrameFileError) return [422, { error: err.code, detail: err.message }];
  // The dataset's bucket is gone or refuses us: the request may succeed later; saves are in the database.
  if (isDatasetUnavailable(err)) return [503, { error: 'dataset_unavailable', detail: err.message }];
  // The team's PostgreSQL does not answer: nothing was stored; the client keeps the edit and retries.
  if (isDatabaseUnavailable(err)) return [503, { error: 'database_unavailable', detail: `the database does not answer: ${describePgError(err)}` }];
  if (err instanceof PcdError || err instanceof PointFileError || err instanceof KittiError) return [422, { error: 'frame_unreadable', detail: err.message }];
  // The state folder's disk is full (SQLite, a label file): nothing was stored; the client keeps the edit.
  if (isDiskFull(err))
    return [
      507,
      { error: 'disk_full', detail: `the server's state folder has no space left (${diskFullWhat(err)}): nothing was stored; free some space and save again` },
    ];
  const fileError = asDatasetFileError(err) ?? (root !== null && insideRoot(err, root) ? toDatasetFileError(err, root) : null);
  if (fileError !== null) {
    return [422, { error: fileError.code, detail: fileError.message, file: fileError.file, reason: fileError.reason }];
  }
  const code = (err as FastifyError).code;
  if (code !== undefined && code in CLIENT_ERRORS) {
    const [status, error] = CLIENT_ERRORS[code];
    return [status, { error, detail: err.message }];
  }
  const status = (err as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return [status, { error: 'bad_request', detail: err.message }];
  }
  return [500, { error: 'internal', detail: 'the server failed; see its log' }];
}

/** True for an errno error (or its message) about a path inside `root`: a read of the dataset, not of the server's own state. */
function insideRoot(err: Error, root: string): boolean {
  const probe = toDatasetFileError(err, '/');
  if (probe === null) return false;
  const file = path.resolve('/', probe.file);
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A `DatasetFileError`, also one that crossed a worker thread as a plain error with its fields. */
function asDatasetFileError(err: Error): DatasetFileError | null {
  if (err instanceof DatasetFileError) return err;
  const e = err as Partial<DatasetFileError>;
  if (err.name !== 'DatasetFileError' || typeof e.file !== 'string' || typeof e.reason !== 'string') return null;
  const code = e.code === 'file_missing' || e.code === 'file_outside_dataset' ? e.code : 'file_unreadable';
  return new DatasetFileError(code, e.file, e.reason, err.message);
}

/** True for a write that failed for want of disk space: SQLite's SQLITE_FULL, the file system's ENOSPC (or a quota's EDQUOT). */
function isDiskFull(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

function diskFullWhat(err: Error): string {
  const file = (err as { path?: unknown }).path;
  return typeof file === 'string' ? file : (err as { code?: unknown }).code === 'SQLITE_FULL' ? 'the database' : String((err as { code?: unknown }).code);
}
