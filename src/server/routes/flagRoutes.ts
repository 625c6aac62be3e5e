import type { FastifyInstance } from 'fastify';
import type { FlagState } from '../../domain/review/flagTransitions.ts';
import { HttpError } from '../http/HttpError.ts';
import { revisionEtag } from '../http/parseIfMatch.ts';
import type { NewFlag } from '../review/ReviewService.ts';
import { frameFromParams, objectBody, userOf, type RouteContext } from './RouteContext.ts';

const MAX_COORD = 1e6;

/**
 * Review flags, kept in the annotation's `flags` (returned with every document):
 * `POST /api/frames/:id/flags {cuboidId | location, reason, comment}` adds one (201 with
 * `{flag, annotation}`); `PATCH /api/frames/:id/flags/:flagId {state}` resolves (annotator),
 * closes or reopens (reviewer) it and answers the new document.
 */
export function registerFlagRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/api/frames/:id/flags', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const input = readNewFlag(request.body);
    const { doc, flag } = await ctx.review.addFlag(frame, userOf(request), input);
    return reply.code(201).header('ETag', revisionEtag(doc.revision)).send({ flag, annotation: doc });
  });

  app.patch('/api/frames/:id/flags/:flagId', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const flagId = (request.params as { flagId: string }).flagId;
    const { state } = objectBody(request.body, 'like {"state": "resolved"}');
    if (state !== 'open' && state !== 'resolved' && state !== 'closed') {
      throw new HttpError(400, 'invalid_body', 'state: expected "resolved", "closed" or "open"');
    }
    const doc = await ctx.review.updateFlag(frame, userOf(request), flagId, state as FlagState);
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });
}

function readNewFlag(body: unknown): NewFlag {
  const b = objectBody(body, 'like {"cuboidId": "...", "reason": "edge-case-id", "comment": "..."}');
  const cuboidId = b.cuboidId ?? null;
  const location = b.location ?? null;
  if (cuboidId !== null && (typeof cuboidId !== 'string' || cuboidId.length === 0 || cuboidId.length > 128)) {
    throw new HttpError(400, 'invalid_flag', 'cuboidId: expected a box id');
  }
  if (
    location !== null &&
    !(Array.isArray(location) && location.length === 3 && location.every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORD))
  ) {
    throw new HttpError(400, 'invalid_flag', 'location: expected [x, y, z] in metres (LiDAR frame)');
  }
  if ((cuboidId === null) === (location === null)) throw new HttpError(400, 'invalid_flag', 'give either cuboidId (a box) or location (a missed object), not both');
  if (typeof b.reason !== 'string' || b.reason.length === 0 || b.reason.length > 128) throw new HttpError(400, 'invalid_flag', 'reason: expected an edge-case dictionary id');
  const comment = b.comment ?? '';
  if (typeof comment !== 'string' || comment.length > 10_000) throw new HttpError(400, 'invalid_flag', 'comment: expected text of at most 10,000 characters');
  return { cuboidId: cuboidId as string | null, location: location as [number, number, number] | null, reason: b.reason, comment: comment.trim() };
}
