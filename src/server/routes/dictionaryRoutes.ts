import { dictionaryBodySchema } from '../../domain/api/requestSchemas.ts';
import { dictionaryReplySchema } from '../../domain/api/replySchemas.ts';
import { DictionaryError } from '../../domain/checks/dictionary/DictionaryError.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { DictionaryConflictError } from '../review/DictionaryStore.ts';
import { userOf, type RouteContext } from './RouteContext.ts';

/** Largest dictionary body accepted, bytes. */
const DICTIONARY_BODY_LIMIT = 1024 * 1024;

/**
 * `GET /api/dictionary`: the edge-case dictionary in force (`{dictionary, source}`; `source`
 * `default` = the built-in KITTI one). `PUT /api/dictionary` (lead): the whole dictionary,
 * whose `version` must be the one edited; it is stored as `version + 1` (409 with the current one
 * otherwise; 400 listing every invalid field).
 */
export function registerDictionaryRoutes(app: ZodApp, ctx: RouteContext): void {
  const response = { 200: dictionaryReplySchema };
  app.get('/api/dictionary', { schema: { response } }, async (_request, reply) => {
    const loaded = await ctx.review.dictionaries.load().catch(toHttp);
    return reply.header('Cache-Control', 'no-cache').send(loaded);
  });

  const putOptions = { bodyLimit: DICTIONARY_BODY_LIMIT, schema: { body: dictionaryBodySchema, response }, config: { invalidBody: 'invalid_dictionary' } };
  app.put('/api/dictionary', putOptions, async (request) => {
    const body = request.body;
    const base = body.version;
    const saved = await ctx.review.dictionaries.save(body, base).catch(toHttp);
    await ctx.service.storage.logActivity({
      user: userOf(request).name,
      action: 'dictionary_update',
      frameId: null,
      revision: null,
      detail: { version: saved.version },
    });
    return { dictionary: saved, source: 'file' as const };
  });
}

function toHttp(err: unknown): never {
  if (err instanceof DictionaryConflictError) {
    throw new HttpError(409, 'conflict', err.message, { current: err.current });
  }
  if (err instanceof DictionaryError) {
    const first = err.issues[0];
    throw new HttpError(400, 'invalid_dictionary', first ? `${first.path === '' ? 'body' : first.path}: ${first.message}` : err.message, {
      issues: err.issues.slice(0, 50),
    });
  }
  throw err;
}
