import type { FastifyInstance } from 'fastify';
import { DictionaryError } from '../../domain/checks/dictionary/DictionaryError.ts';
import { HttpError } from '../http/HttpError.ts';
import { DictionaryConflictError } from '../review/DictionaryStore.ts';
import { objectBody, userOf, type RouteContext } from './RouteContext.ts';

/** Largest dictionary body accepted, bytes. */
const DICTIONARY_BODY_LIMIT = 1024 * 1024;

/**
 * `GET /api/dictionary`: the edge-case dictionary in force (`{dictionary, source}`; `source`
 * `default` = the built-in KITTI one). `PUT /api/dictionary` (lead): the whole dictionary,
 * whose `version` must be the one edited; it is stored as `version + 1` (409 with the current one
 * otherwise; 400 listing every invalid field).
 */
export function registerDictionaryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/dictionary', async (_request, reply) => {
    const loaded = await ctx.review.dictionaries.load().catch(toHttp);
    return reply.header('Cache-Control', 'no-cache').send(loaded);
  });

  app.put('/api/dictionary', { bodyLimit: DICTIONARY_BODY_LIMIT }, async (request) => {
    const body = objectBody(request.body, 'holding the whole dictionary');
    const base = body.version;
    if (typeof base !== 'number' || !Number.isSafeInteger(base) || base < 1) {
      throw new HttpError(400, 'invalid_dictionary', 'version: expected the version the edit is based on (an integer ≥ 1)');
    }
    const saved = await ctx.review.dictionaries.save(body, base).catch(toHttp);
    await ctx.service.storage.logActivity({
      user: userOf(request).name,
      action: 'dictionary_update',
      frameId: null,
      revision: null,
      detail: { version: saved.version },
    });
    return { dictionary: saved, source: 'file' };
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
