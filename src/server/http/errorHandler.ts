import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FrameFileError } from '../AnnotationService.ts';
import { HttpError, type ErrorBody } from './HttpError.ts';

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
 * problems are 4xx; unknown routes are 404; only a real server fault is 500 (and logged).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const [status, body] = toResponse(err);
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

function toResponse(err: FastifyError | Error): [number, ErrorBody] {
  if (err instanceof HttpError) return [err.status, { error: err.error, detail: err.detail, ...err.extra }];
  if (err instanceof FrameFileError) return [422, { error: err.code, detail: err.message }];
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
