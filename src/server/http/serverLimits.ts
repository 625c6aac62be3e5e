/**
 * The HTTP server's time limits, milliseconds. A client that sends its headers or body too slowly,
 * or leaves a connection idle, is cut off, so a few hundred slow connections cannot hold the
 * server's sockets for ever.
 */
export interface ServerTimeouts {
  /** The whole request (headers and body) must arrive within this (408 otherwise). */
  requestMs: number;
  /** The headers must arrive within this (at most `requestMs`). */
  headersMs: number;
  /** A socket with no traffic in either direction for this long is closed (a slow download keeps it alive). */
  idleMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** How often the server looks for requests past `requestMs` / `headersMs`. */
  checkIntervalMs: number;
}

/** Generous for an 8 MiB save over a slow link, short enough that slow-body connections are not held. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  requestMs: 60_000,
  headersMs: 15_000,
  idleMs: 60_000,
  keepAliveMs: 10_000,
  checkIntervalMs: 5_000,
};

/** How many logins (`POST /api/session`) one client address may try per window. */
export interface LoginRateLimit {
  max: number;
  windowMs: number;
}

/** 10 login attempts per minute per address: plenty for a person, nothing for guessing. */
export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { max: 10, windowMs: 60_000 };
