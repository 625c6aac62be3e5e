import type { Role } from '../../domain/review/Role.ts';

/** Who sent a request: a logged-in user, or the implicit lead of single-user mode. */
export interface SessionUser {
  name: string;
  role: Role;
}

/**
 * How the server authenticates: `single` (loopback, no users configured: everyone is an implicit
 * lead), `auth` (users exist: a session cookie is required), `locked` (the server must have users,
 * for it listens beyond loopback, but none exist: nothing is served).
 */
export type AuthMode = 'single' | 'auth' | 'locked';
