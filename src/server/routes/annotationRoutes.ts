import { z } from 'zod';
import { annotationBodySchema, frameParamsSchema, revisionParamsSchema } from '../../domain/api/requestSchemas.ts';
import { conflictReplySchema, documentSchema, revisionInfoSchema, saveReplySchema } from '../../domain/api/replySchemas.ts';
import { validateAnnotation } from '../../domain/document/validateAnnotation.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { HttpError, quoteInput } from '../http/HttpError.ts';
import { parseIfMatch, revisionEtag } from '../http/parseIfMatch.ts';
import { frameFromParams, userOf, type RouteContext } from './RouteContext.ts';

/** Largest accepted annotation body, bytes (10,000 boxes in full precision fit well inside). */
export const ANNOTATION_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * `GET /api/frames/:id/annotation` (the current document, `ETag: "revision"`),
 * `PUT` (save; the base revision comes from `If-Match` or the body's `baseRevision`; `status` and
 * `flags` are server-owned and kept from the stored document, see `ReviewService.saveEdit`), and the
 * history: `GET /api/frames/:id/revisions`, `GET /api/frames/:id/revisions/:revision`.
 */
export function registerAnnotationRoutes(app: ZodApp, ctx: RouteContext): void {
  const params = frameParamsSchema;
  app.get('/api/frames/:id/annotation', { schema: { params, response: { 200: documentSchema } } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.service.getAnnotation(frame, userOf(request).name);
    return reply.header('ETag', revisionEtag(doc.revision)).header('Cache-Control', 'no-cache').send(doc);
  });

  const putSchema = { params, body: annotationBodySchema, response: { 200: saveReplySchema, 409: conflictReplySchema } };
  app.put(
    '/api/frames/:id/annotation',
    { bodyLimit: ANNOTATION_BODY_LIMIT, schema: putSchema, config: { invalidBody: 'invalid_annotation' } },
    async (request, reply) => {
      const frame = frameFromParams(ctx, request.params);
      const body = request.body;
      const baseRevision = readBaseRevision(request.headers['if-match'], body.baseRevision);
      const checked = validateAnnotation(body);
      if (!checked.ok) {
        const first = checked.issues[0];
        throw new HttpError(400, 'invalid_annotation', `${first.path === '' ? 'body' : first.path}: ${first.message}`, {
          issues: checked.issues.slice(0, 50),
        });
      }
      if (checked.value.frameId !== frame.id) {
        throw new HttpError(400, 'invalid_annotation', `frameId: ${quoteInput(checked.value.frameId)} does not match the URL's frame "${frame.id}"`, {
          issues: [{ path: 'frameId', message: 'does not match the URL' }],
        });
      }
      const outcome = await ctx.review.saveEdit(frame, checked.value, baseRevision, userOf(request));
      if (!outcome.ok) {
        return reply
          .code(409)
          .header('ETag', revisionEtag(outcome.current.revision))
          .send({
            error: 'conflict',
            detail: `the save was based on revision ${baseRevision} but frame "${frame.id}" is at revision ${outcome.current.revision}`,
            current: outcome.current,
          });
      }
      return reply.header('ETag', revisionEtag(outcome.doc.revision)).send({
        annotation: outcome.doc,
        labelWritten: outcome.labelWritten,
        ...(outcome.labelError !== undefined ? { labelError: outcome.labelError } : {}),
      });
    },
  );

  app.get('/api/frames/:id/revisions', { schema: { params, response: { 200: z.array(revisionInfoSchema) } } }, async (request) => {
    const frame = frameFromParams(ctx, request.params);
    return ctx.service.storage.listRevisions(frame.id);
  });

  app.get('/api/frames/:id/revisions/:revision', { schema: { params: revisionParamsSchema, response: { 200: documentSchema } } }, async (request) => {
    const frame = frameFromParams(ctx, request.params);
    const raw = request.params.revision;
    const revision = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    const doc = Number.isNaN(revision) ? null : await ctx.service.storage.getRevision(frame.id, revision);
    if (doc === null) throw new HttpError(404, 'revision_not_found', `frame "${frame.id}" has no revision ${quoteInput(raw)}`);
    return doc;
  });
}

/**
 * The revision a save is based on, from `If-Match` and/or the body's `baseRevision` (checked by
 * the body schema). Exactly one revision must be named: none → 428, malformed or contradictory → 400.
 */
function readBaseRevision(ifMatch: string | string[] | undefined, fromBody: number | undefined): number {
  const fromHeader = parseIfMatch(ifMatch);
  if (fromHeader === null) {
    throw new HttpError(400, 'invalid_if_match', `If-Match: expected one revision like "3", got ${quoteInput(String(ifMatch))}`);
  }
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new HttpError(400, 'invalid_if_match', `If-Match names revision ${fromHeader} but baseRevision is ${fromBody}`);
  }
  const base = fromHeader ?? fromBody;
  if (base === undefined) {
    throw new HttpError(428, 'precondition_required', 'a save must name the revision it edits: send If-Match: "N" or baseRevision');
  }
  return base;
}
