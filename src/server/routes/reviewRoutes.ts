import type { FastifyInstance } from 'fastify';
import { isValidUserName } from '../../domain/review/Role.ts';
import type { SubmitOverride } from '../../domain/review/matchOverrides.ts';
import { HttpError } from '../http/HttpError.ts';
import { revisionEtag } from '../http/parseIfMatch.ts';
import { buildFrameDiff, buildReviewInfo } from '../review/reviewInfo.ts';
import type { AssignmentPatch } from '../storage/Storage.ts';
import { frameFromParams, objectBody, userOf, type RouteContext } from './RouteContext.ts';

/** Most overrides one submit may carry. */
const MAX_OVERRIDES = 10_000;

/**
 * The review loop: `POST /api/frames/:id/submit {overrides}`, `POST .../accept`,
 * `POST .../reject {comment?}` (each answers the new document), `GET .../review` (status,
 * assignment, history, what the caller may do), `GET .../diff?from=N&to=M` (per-box diff) and
 * `PUT .../assignment {annotator?, reviewer?}` (lead).
 */
export function registerReviewRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/api/frames/:id/submit', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const overrides = readOverrides(request.body ?? {});
    const doc = await ctx.review.submit(frame, userOf(request), overrides);
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });

  app.post('/api/frames/:id/accept', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.review.accept(frame, userOf(request));
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });

  app.post('/api/frames/:id/reject', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const body = objectBody(request.body ?? {}, 'like {"comment": "..."}');
    const comment = body.comment ?? '';
    if (typeof comment !== 'string' || comment.length > 10_000) throw new HttpError(400, 'invalid_body', 'comment: expected text of at most 10,000 characters');
    const doc = await ctx.review.reject(frame, userOf(request), comment.trim());
    return reply.header('ETag', revisionEtag(doc.revision)).send(doc);
  });

  app.get('/api/frames/:id/review', async (request) => {
    const frame = frameFromParams(ctx, request.params);
    return buildReviewInfo(ctx.service, frame, userOf(request));
  });

  app.get('/api/frames/:id/diff', async (request) => {
    const frame = frameFromParams(ctx, request.params);
    const query = request.query as Record<string, unknown>;
    return buildFrameDiff(ctx.service, frame, userOf(request), { from: readRevision(query, 'from'), to: readRevision(query, 'to') });
  });

  app.put('/api/frames/:id/assignment', async (request) => {
    const frame = frameFromParams(ctx, request.params);
    const body = objectBody(request.body, 'like {"annotator": "name", "reviewer": null}');
    const patch: AssignmentPatch = {};
    for (const key of ['annotator', 'reviewer'] as const) {
      const v = body[key];
      if (v === undefined) continue;
      if (v !== null && !isValidUserName(v)) throw new HttpError(400, 'invalid_body', `${key}: expected a user name or null`);
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

function readRevision(query: Record<string, unknown>, key: string): number | undefined {
  const v = query[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d{1,15}$/.test(v)) throw new HttpError(400, 'invalid_query', `${key}: expected a revision number`);
  return Number(v);
}

function readOverrides(body: unknown): SubmitOverride[] {
  const { overrides = [] } = objectBody(body, 'like {"overrides": [{"ruleId", "cuboidId", "reason"}]}');
  if (!Array.isArray(overrides) || overrides.length > MAX_OVERRIDES) {
    throw new HttpError(400, 'invalid_body', `overrides: expected an array of at most ${MAX_OVERRIDES} items`);
  }
  return overrides.map((o: unknown, i) => {
    const x = (typeof o === 'object' && o !== null ? o : {}) as Record<string, unknown>;
    const where = `overrides[${i}]`;
    if (typeof x.ruleId !== 'string' || x.ruleId.length === 0 || x.ruleId.length > 128) throw new HttpError(400, 'invalid_body', `${where}.ruleId: expected a rule id`);
    const cuboidId = x.cuboidId ?? null;
    if (cuboidId !== null && (typeof cuboidId !== 'string' || cuboidId.length > 128)) throw new HttpError(400, 'invalid_body', `${where}.cuboidId: expected a box id or null`);
    if (typeof x.reason !== 'string' || x.reason.trim() === '' || x.reason.length > 2000) {
      throw new HttpError(400, 'invalid_body', `${where}.reason: every override needs a reason (1-2000 characters)`);
    }
    return { ruleId: x.ruleId, cuboidId, reason: x.reason };
  });
}
