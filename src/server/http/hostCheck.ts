import type { FastifyInstance } from 'fastify';

/** Host names a loopback server answers to. */
export const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];

/** The host name of a `Host` header without its port (`[::1]:8787` → `[::1]`). */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(0, end + 1);
  }
  const colon = h.indexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/**
 * Answers 421 to any request whose `Host` is not one of `allowed`. A loopback server without
 * authentication is otherwise reachable from any web page through DNS rebinding (a page on
 * evil.example resolving to 127.0.0.1 would send `Host: evil.example`).
 */
export function installHostCheck(app: FastifyInstance, allowed: readonly string[] = LOOPBACK_HOST_NAMES): void {
  const names = new Set(allowed.map((a) => a.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    if (host === undefined || !names.has(hostName(host))) {
      return reply
        .code(421)
        .type('application/json; charset=utf-8')
        .send({
          error: 'host_not_allowed',
          detail: `this server answers only to ${[...names].join(', ')} (got Host ${JSON.stringify(String(host).slice(0, 100))})`,
        });
    }
  });
}
