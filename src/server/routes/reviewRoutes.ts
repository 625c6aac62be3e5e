import {
  assignmentBodySchema,
  diffQuerySchema,
  emptyBodySchema,
  frameParamsSchema,
  rejectBodySchema,
  submitBodySchema,
} from '../../domain/api/requestSchemas.ts';
import { assignmentReplySchema, diffReplySchema, documentSchema, reviewInfoSchema } from '../../domain/api/replySchemas.ts';
import { HttpError } from '../http/HttpError.ts';
import { revisionEtag } from '../http/parseIfMatch.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { buildFrameDiff, buildReviewInfo } from '../review/reviewInfo.ts';
import type { AssignmentPatch } from '../storage/Storage.ts';
import { frameFromParams, userOf, type RouteContext } from './RouteContext.ts';

/**
 * The review loop: `POST /api/frames/:id/submit {overrides}`, `POST .../accept`,
 * `POST .../reject {comment?}` (each answers the new document), `GET .../review` (status,
 * assignment, history, what the caller may do), `GET .../diff?from=N&to=M` (per-box diff) and
 * `PUT .../assignment {annotator?, reviewer?}` (lead).
 */
export function registerReviewRoutes(app: ZodApp, ctx: RouteContext): void {
  const params = frameParamsSchema;
  const document = { 200: documentSchema };
  app.post('/api/frames/:id/submit', { schema: { params, body: submitBodySchema.default({ overrides: [] }), response: document } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.review.submit(frame, userOf(request), request.body.overrides);
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });

  app.post('/api/frames/:id/accept', { schema: { params, body: emptyBodySchema.optional(), response: document } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.review.accept(frame, userOf(request));
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });

  app.post('/api/frames/:id/reject', { schema: { params, body: rejectBodySchema.default({ comment: '' }), response: document } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.review.reject(frame, userOf(request), request.body.comment.trim());
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });

  app.get('/api/frames/:id/review', { schema: { params, response: { 200: reviewInfoSchema } } }, async (request) => {
    const frame = frameFromParams(ctx, request.params);
    return buildReviewInfo(ctx.service, frame, userOf(request));
  });

  app.get('/api/frames/:id/diff', { schema: { params, querystring: diffQuerySchema, response: { 200: diffReplySchema } } }, async (request) => {
    const frame = frameFromParams(ctx, request.params);
    return buildFrameDiff(ctx.service, frame, userOf(request), request.query);
  });

  app.put('/api/frames/:id/assignment', { schema: { params, body: assignmentBodySchema, response: { 200: assignmentReplySchema } } }, async (request) => {
    const frame = frameFromParams(ctx, request.params);
    const patch: AssignmentPatch = {};
    for (const key of ['annotator', 'reviewer'] as const) {
      const v = request.body[key];
      if (v === undefined) continue;
      if (v !== null) {
        const user = await ctx.users.getUser(v);
        const fits = user !== null && (user.role === 'lead' || user.role === (key === 'annotator' ? 'annotator' : 'reviewer'));
        if (!fits) throw new HttpError(400, 'invalid_body', `${key}: "${v}" is not a user with the ${key} or lead role`);
      }
      patch[key] = v;
    }
    return ctx.service.storage.setAssignment(frame.id, patch, userOf(request).name);
  });
}
