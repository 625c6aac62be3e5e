import pg from 'pg';

/**
 * The database named by `--db` could not be used at start: a URL that is not `postgres://`, a
 * server that does not answer, a refused login, a database that does not exist, a schema from a
 * newer Cuboid. The message is one line for the user (the password, if any, is never shown).
 */
export class StorageOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageOpenError';
  }
}

/** True for a `postgres://` or `postgresql://` URL (what `--db` takes). */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/**
 * Checks a `--db` value: a `postgres://USER@HOST:PORT/DB` URL with a host and a database name.
 * @throws StorageOpenError naming the value and the expected form
 */
export function checkPostgresUrl(url: string): void {
  const form = 'expected postgres://USER@HOST:PORT/DB';
  if (!isPostgresUrl(url)) throw new StorageOpenError(`--db ${JSON.stringify(redactUrl(url))} is not a PostgreSQL URL: ${form}`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new StorageOpenError(`--db ${JSON.stringify(redactUrl(url))} is not a valid URL: ${form}`);
  }
  if (u.hostname === '' && !u.searchParams.has('host')) throw new StorageOpenError(`--db ${redactUrl(url)} names no host: ${form}`);
  if (u.pathname.replace(/^\//, '') === '') throw new StorageOpenError(`--db ${redactUrl(url)} names no database: ${form}`);
}

/** Options of the connection pool of one process. */
export interface PoolOptions {
  /** Most connections this process opens (default 10). */
  max?: number;
  /**
   * Connections kept open when idle (default 0: each closes after 30 s idle). A server keeps its
   * pools' connections: opening one costs a backend process fork and a login, 10–100 ms under load,
   * paid by the request that finds the pool shrunk.
   */
  min?: number;
  /** How long to wait for a connection, ms (default 5000). */
  connectTimeoutMs?: number;
  /**
   * Commit without waiting for the WAL flush (`synchronous_commit = off`): only for writes whose
   * loss in a server crash is harmless (a label-written hint: the label is rewritten at start).
   */
  relaxedCommit?: boolean;
}

/** A pool on `url`; nothing is connected until the first query. */
export function createPool(url: string, opts: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    min: Math.min(opts.min ?? 0, opts.max ?? 10),
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'cuboid',
    ...(opts.relaxedCommit === true ? { options: '-c synchronous_commit=off' } : {}),
  });
  // An idle connection the server drops (a restart, a failover) must not crash the process: the pool replaces it.
  pool.on('error', (err) => console.warn(`cuboid: PostgreSQL connection lost: ${describePgError(err)}`));
  return pool;
}

/**
 * The cause of a connection or query failure in a few words: the errno code of a network failure
 * (`connection refused (ECONNREFUSED)`), or PostgreSQL's own message and SQLSTATE.
 */
export function describePgError(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: unknown[] } | null;
  if (e === null || typeof e !== 'object') return String(err);
  // `localhost` resolves to two addresses: Node reports both failures inside an AggregateError with an empty message.
  if (Array.isArray(e.errors) && e.errors.length > 0 && (e.message ?? '') === '') return describePgError(e.errors[0]);
  const code = typeof e.code === 'string' ? e.code : '';
  const network: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'host name lookup failed',
    ETIMEDOUT: 'timed out',
    EHOSTUNREACH: 'host unreachable',
    ECONNRESET: 'connection reset',
  };
  if (code in network) return `${network[code]} (${code})`;
  const message = (e.message ?? String(err)).split('\n')[0];
  return code !== '' ? `${message} (${code})` : message;
}

/** What the user should check after a failure to open, by SQLSTATE or errno. */
function hintFor(err: unknown): string {
  const code = (err as { code?: string; errors?: { code?: string }[] })?.code ?? (err as { errors?: { code?: string }[] })?.errors?.[0]?.code;
  if (code === '3D000') return 'create it first (createdb)';
  if (code === '28P01' || code === '28000') return 'check the user and password in --db';
  return 'check --db and that PostgreSQL is running and reachable';
}

/**
 * Runs one query to prove the database answers; a failure becomes one line naming the URL
 * (without password), the cause and what to check.
 * @throws StorageOpenError
 */
export async function assertReachable(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    throw new StorageOpenError(`cannot open the database ${redactUrl(url)}: ${describePgError(err)}; ${hintFor(err)}`);
  }
}

/** Runs `fn` in one transaction on one pooled connection (READ COMMITTED), committing when it returns. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection that cannot even roll back is dropped rather than handed to the next caller.
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** Network errno codes of a database that went away. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True for a failure that says the database is unreachable or shutting down, not that the request
 * was wrong: a network error, SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown,
 * cannot connect now), 53300 (too many connections), or node-postgres's own lost-connection and
 * pool-timeout errors. The request may succeed later (503).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (e === null || typeof e !== 'object') return false;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(message);
}
