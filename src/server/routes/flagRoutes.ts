import { flagParamsSchema, flagStateBodySchema, frameParamsSchema, newFlagBodySchema } from '../../domain/api/requestSchemas.ts';
import { documentSchema, newFlagReplySchema } from '../../domain/api/replySchemas.ts';
import { revisionEtag } from '../http/parseIfMatch.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { frameFromParams, userOf, type RouteContext } from './RouteContext.ts';

/**
 * Review flags, kept in the annotation's `flags` (returned with every document):
 * `POST /api/frames/:id/flags {cuboidId | location, reason, comment}` adds one (201 with
 * `{flag, annotation}`; a malformed one is 400 `invalid_flag`); `PATCH /api/frames/:id/flags/:flagId {state}`
 * resolves (annotator), closes or reopens (reviewer) it and answers the new document.
 */
export function registerFlagRoutes(app: ZodApp, ctx: RouteContext): void {
  const addSchema = { params: frameParamsSchema, body: newFlagBodySchema, response: { 201: newFlagReplySchema } };
  app.post('/api/frames/:id/flags', { schema: addSchema, config: { invalidBody: 'invalid_flag' } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const { doc, flag } = await ctx.review.addFlag(frame, userOf(request), request.body);
    return reply.code(201).header('ETag', revisionEtag(doc.revision)).send({ flag, annotation: doc });
  });

  const patchSchema = { params: flagParamsSchema, body: flagStateBodySchema, response: { 200: documentSchema } };
  app.patch('/api/frames/:id/flags/:flagId', { schema: patchSchema }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.review.updateFlag(frame, userOf(request), request.params.flagId, request.body.state);
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });
}
