import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorBody } from './HttpError.ts';

/** Methods that change state: each must come from this server's own pages (or a client with no Origin). */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Methods whose requests must carry a JSON body (`{}` when the route takes nothing). */
const JSON_BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

export interface OriginCheckOptions {
  /**
   * Further origins allowed to change state (`https://labels.example.com`), for a server behind a
   * proxy that rewrites `Host`. The server's own origin (from `Host`) is always allowed.
   */
  allowedOrigins?: readonly string[];
}

/** Why a request was refused, or null when it may proceed. */
export type OriginVerdict = { status: 403 | 415; body: ErrorBody } | null;

/**
 * The cross-site request forgery guard for one request. A state-changing request is refused (403)
 * when `Sec-Fetch-Site` says another site or another origin of the same site sent it (`cross-site`,
 * `same-site`: a page on another port of 127.0.0.1 is `same-site`, and SameSite cookies ride along
 * there), or when `Origin` is present and is neither this server's origin (its host and port equal
 * the `Host` header) nor an allowed one. A client that sends neither header (curl, the CLI, tests)
 * passes. POST, PUT and PATCH must also say `Content-Type: application/json` (415 otherwise, even
 * for an empty body): a cross-origin page can send only form and text types without a CORS
 * preflight, which this server never grants. DELETE carries no body and is never a simple
 * cross-origin request, so it needs no content type.
 */
export function checkOrigin(request: Pick<FastifyRequest, 'method' | 'headers'>, opts: OriginCheckOptions = {}): OriginVerdict {
  if (!STATE_CHANGING_METHODS.has(request.method)) return null;
  const what = `${request.method} request`;
  const fetchSite = single(request.headers['sec-fetch-site'])?.trim().toLowerCase();
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return forbidden(`a ${what} from another site or origin (Sec-Fetch-Site: ${fetchSite}) may not change anything here; use this server's own page`);
  }
  const origin = single(request.headers.origin);
  if (origin !== undefined) {
    const host = single(request.headers.host);
    if (!originAllowed(origin, host, opts.allowedOrigins ?? [])) {
      return forbidden(
        `a ${what} from origin ${JSON.stringify(origin.slice(0, 100))} may not change anything on this server ` +
          `(${host === undefined ? 'no Host' : `host ${JSON.stringify(host.slice(0, 100))}`}); only its own pages may`,
      );
    }
  }
  if (JSON_BODY_METHODS.has(request.method) && !isJsonContentType(single(request.headers['content-type']))) {
    const got = single(request.headers['content-type']);
    return {
      status: 415,
      body: {
        error: 'unsupported_media_type',
        detail: `a ${what} must send a JSON body with Content-Type: application/json (send {} when there is nothing to say); got ${
          got === undefined ? 'no Content-Type' : JSON.stringify(got.slice(0, 100))
        }`,
      },
    };
  }
  return null;
}

/** Installs `checkOrigin` on every request, before authentication and body parsing. */
export function installOriginCheck(app: FastifyInstance, opts: OriginCheckOptions = {}): void {
  app.addHook('onRequest', async (request, reply) => {
    const verdict = checkOrigin(request, opts);
    if (verdict !== null) return reply.code(verdict.status).type('application/json; charset=utf-8').send(verdict.body);
  });
}

/** True when `origin` names the server reached through `host`, or is in `allowed` (compared as normalised origins). */
export function originAllowed(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  const parsed = parseOrigin(origin);
  if (parsed === null) return false;
  if (allowed.some((a) => parseOrigin(a)?.origin === parsed.origin)) return true;
  return host !== undefined && normaliseHost(host, parsed.protocol) === parsed.host;
}

function parseOrigin(text: string): { origin: string; host: string; protocol: string } | null {
  if (text === 'null') return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return { origin: url.origin, host: url.host.toLowerCase(), protocol: url.protocol };
  } catch {
    return null;
  }
}

/** A `Host` header as `URL.host` writes it for `protocol` (lower case, default port dropped). */
function normaliseHost(host: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}//${host.trim()}`).host.toLowerCase();
  } catch {
    return null;
  }
}

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  return value.split(';')[0].trim().toLowerCase() === 'application/json';
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function forbidden(detail: string): OriginVerdict {
  return { status: 403, body: { error: 'cross_origin_refused', detail } };
}
