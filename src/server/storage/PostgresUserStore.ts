import type pg from 'pg';
import type { Role } from '../../domain/review/Role.ts';
import { inTransaction } from './postgresConnection.ts';
import { timedQuery } from './timedQuery.ts';
import { UserExistsError, type StoredUser, type UserRecord, type UserStore } from './UserStore.ts';

interface UserRow {
  name: string;
  role: string;
  token_hash: string;
  created_at: Date;
}

const toRecord = (r: UserRow): UserRecord => ({ name: r.name, role: r.role as Role, createdAt: r.created_at.toISOString() });

const USER_COLUMNS = 'name, role, token_hash, created_at';

/**
 * `UserStore` on the `users` and `sessions` tables of the PostgreSQL database (schema version 1):
 * the same rows as `SqliteUserStore`, so a session created by one replica is found by every other.
 */
export class PostgresUserStore implements UserStore {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async countUsers(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0].n);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY name COLLATE "C"`)).rows.map(toRecord);
  }

  async getUser(name: string): Promise<UserRecord | null> {
    const row = (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE name = $1`, [name])).rows[0];
    return row === undefined ? null : toRecord(row);
  }

  async addUser(user: { name: string; role: Role; tokenLookup: string; tokenHash: string }): Promise<void> {
    try {
      await this.pool.query('INSERT INTO users (name, role, token_lookup, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
        user.name,
        user.role,
        user.tokenLookup,
        user.tokenHash,
        new Date().toISOString(),
      ]);
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint === 'users_pkey') throw new UserExistsError(user.name);
      throw err;
    }
  }

  async removeUser(name: string): Promise<number | null> {
    return inTransaction(this.pool, async (c) => {
      const sessions = (await c.query('DELETE FROM sessions WHERE user_name = $1', [name])).rowCount ?? 0;
      const users = (await c.query('DELETE FROM users WHERE name = $1', [name])).rowCount ?? 0;
      return users === 0 ? null : sessions;
    });
  }

  async findByTokenLookup(lookup: string): Promise<StoredUser | null> {
    const row = (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE token_lookup = $1`, [lookup])).rows[0];
    return row === undefined ? null : { ...toRecord(row), tokenHash: row.token_hash };
  }

  async createSession(session: { idHash: string; userName: string; expiresAt: string }): Promise<void> {
    await this.pool.query('INSERT INTO sessions (id_hash, user_name, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      session.idHash,
      session.userName,
      new Date().toISOString(),
      session.expiresAt,
    ]);
  }

  /**
   * Lookups of one session in flight now, shared: a browser opening a frame sends its calib,
   * points and annotation requests at once, and they need one query, not three. Nothing is kept
   * once the query answers, so a logout on any replica is seen by the next request.
   */
  private readonly sessionLookups = new Map<string, Promise<UserRecord | null>>();

  findSession(idHash: string, now: Date): Promise<UserRecord | null> {
    const inFlight = this.sessionLookups.get(idHash);
    if (inFlight !== undefined) return inFlight;
    const lookup: Promise<UserRecord | null> = this.querySession(idHash, now).finally(() => {
      if (this.sessionLookups.get(idHash) === lookup) this.sessionLookups.delete(idHash);
    });
    this.sessionLookups.set(idHash, lookup);
    return lookup;
  }

  private async querySession(idHash: string, now: Date): Promise<UserRecord | null> {
    const row = (
      await timedQuery<UserRow>(
        this.pool,
        'session',
        `SELECT u.name, u.role, u.token_hash, u.created_at FROM sessions s JOIN users u ON u.name = s.user_name
         WHERE s.id_hash = $1 AND s.expires_at > $2`,
        [idHash, now.toISOString()],
      )
    ).rows[0];
    return row === undefined ? null : toRecord(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    // A lookup still in flight may predate the logout: requests after it ask again.
    this.sessionLookups.delete(idHash);
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()])).rowCount ?? 0;
  }
}
