import swagger from '@fastify/swagger';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import { createJsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';

/** The Fastify app as route modules see it: schemas are zod, and handlers are typed from them. */
export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The error name of a body that fails its schema (default `invalid_body`). */
    invalidBody?: string;
  }
}

/**
 * Makes zod the one validation style of the server: every route's `params`, `querystring` and
 * `body` schemas (`domain/api/requestSchemas.ts`) are checked with zod before the handler runs (a
 * failure is 400 naming the field, see `http/errorHandler.ts`), and the routes' schemas (replies
 * from `domain/api/replySchemas.ts`) become the OpenAPI 3.1 document at `GET /api/openapi.json`.
 * Replies are sent with `JSON.stringify` as before, not re-validated. Call before any route is
 * registered (the document is built from the routes added after).
 */
export async function installZodSchemas(app: FastifyInstance, version: string): Promise<ZodApp> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Cuboid', description: 'The HTTP API of a Cuboid server (one dataset). Errors are `{error, detail}`.', version },
    },
    transform: createJsonSchemaTransform({ zodToJsonConfig: { unrepresentable: 'any' } }),
  });
  const zapp = app.withTypeProvider<ZodTypeProvider>();
  zapp.get('/api/openapi.json', { schema: { hide: true } }, async (_request, reply) => reply.header('Cache-Control', 'no-cache').send(app.swagger()));
  return zapp;
}
