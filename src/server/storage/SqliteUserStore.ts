import type Database from 'better-sqlite3';
import type { Role } from '../../domain/review/Role.ts';
import { UserExistsError, type StoredUser, type UserRecord, type UserStore } from './UserStore.ts';

interface UserRow {
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
}

const toRecord = (r: UserRow): UserRecord => ({ name: r.name, role: r.role as Role, createdAt: r.created_at });

/** `UserStore` on the `users` and `sessions` tables of `cuboid.db` (schema version 2). */
export class SqliteUserStore implements UserStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.db.prepare('SELECT name, role, token_hash, created_at FROM users ORDER BY name').all() as UserRow[]).map(toRecord);
  }

  async getUser(name: string): Promise<UserRecord | null> {
    const row = this.db.prepare('SELECT name, role, token_hash, created_at FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row === undefined ? null : toRecord(row);
  }

  async addUser(user: { name: string; role: Role; tokenLookup: string; tokenHash: string }): Promise<void> {
    try {
      this.db
        .prepare('INSERT INTO users (name, role, token_lookup, token_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(user.name, user.role, user.tokenLookup, user.tokenHash, new Date().toISOString());
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new UserExistsError(user.name);
      throw err;
    }
  }

  async removeUser(name: string): Promise<number | null> {
    const run = this.db.transaction((): number | null => {
      const sessions = this.db.prepare('DELETE FROM sessions WHERE user_name = ?').run(name).changes;
      const users = this.db.prepare('DELETE FROM users WHERE name = ?').run(name).changes;
      return users === 0 ? null : sessions;
    });
    return run.immediate();
  }

  async findByTokenLookup(lookup: string): Promise<StoredUser | null> {
    const row = this.db.prepare('SELECT name, role, token_hash, created_at FROM users WHERE token_lookup = ?').get(lookup) as UserRow | undefined;
    return row === undefined ? null : { ...toRecord(row), tokenHash: row.token_hash };
  }

  async createSession(session: { idHash: string; userName: string; expiresAt: string }): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (id_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(session.idHash, session.userName, new Date().toISOString(), session.expiresAt);
  }

  async findSession(idHash: string, now: Date): Promise<UserRecord | null> {
    const row = this.db
      .prepare(
        `SELECT u.name, u.role, u.token_hash, u.created_at FROM sessions s JOIN users u ON u.name = s.user_name
         WHERE s.id_hash = ? AND s.expires_at > ?`,
      )
      .get(idHash, now.toISOString()) as UserRow | undefined;
    return row === undefined ? null : toRecord(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes;
  }
}
