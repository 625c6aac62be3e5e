import type { Role } from '../../domain/review/Role.ts';

/** A user as everyone may see it: never the token or its hash. */
export interface UserRecord {
  name: string;
  role: Role;
  createdAt: string;
}

/** A stored user with its token hash (`scrypt$...`, see `auth/tokens.ts`). */
export interface StoredUser extends UserRecord {
  tokenHash: string;
}

/** Thrown by `addUser` for a name that is taken. */
export class UserExistsError extends Error {
  constructor(name: string) {
    super(`UserStore: a user named "${name}" already exists`);
    this.name = 'UserExistsError';
  }
}

/**
 * Users and login sessions. Tokens and session ids are never stored: a user row holds a salted
 * scrypt hash of its token plus a short SHA-256 lookup key (so a login verifies one hash, not
 * every user's), a session row holds the SHA-256 of its id.
 */
export interface UserStore {
  countUsers(): Promise<number>;
  /** Every user, by name. */
  listUsers(): Promise<UserRecord[]>;
  getUser(name: string): Promise<UserRecord | null>;
  /** @throws UserExistsError when the name is taken */
  addUser(user: { name: string; role: Role; tokenLookup: string; tokenHash: string }): Promise<void>;
  /** Removes a user and ends their sessions; returns the number of sessions ended, or null when there is no such user. */
  removeUser(name: string): Promise<number | null>;
  /** The user whose token has this lookup key, with its hash to verify. */
  findByTokenLookup(lookup: string): Promise<StoredUser | null>;
  createSession(session: { idHash: string; userName: string; expiresAt: string }): Promise<void>;
  /** The user of an unexpired session, or null. */
  findSession(idHash: string, now: Date): Promise<UserRecord | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  deleteExpiredSessions(now: Date): Promise<number>;
}
