import { createStore } from 'zustand/vanilla';
import type { Role } from '../domain/review/Role.ts';
import { api, ApiError, type SessionInfo } from '../io/apiClient.ts';

/** Who is using the page. `mode` null until the server answered. */
export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  mode: SessionInfo['mode'] | null;
  user: { name: string; role: Role } | null;
  /** Why the server could not be asked (status `error`). */
  error: string | null;
  /** Why the last login failed. */
  loginError: string | null;
  busy: boolean;
}

/**
 * The page's session (a small vanilla store next to the app store: it lives outside the
 * annotation state and outlives a logout). React reads it with `useStore(sessionStore, selector)`.
 */
export const sessionStore = createStore<SessionState>(() => ({
  status: 'loading',
  mode: null,
  user: null,
  error: null,
  loginError: null,
  busy: false,
}));

/** Asks the server who we are (`GET /api/session`). */
export async function loadSession(): Promise<void> {
  try {
    const s = await api.getSession();
    sessionStore.setState({ status: 'ready', mode: s.mode, user: s.user, error: null });
  } catch (err) {
    sessionStore.setState({ status: 'error', error: err instanceof Error ? err.message : String(err) });
  }
}

/** Logs in with a token; true on success (the server sets the session cookie). */
export async function loginWithToken(token: string): Promise<boolean> {
  sessionStore.setState({ busy: true, loginError: null });
  try {
    const s = await api.login(token.trim());
    sessionStore.setState({ status: 'ready', mode: s.mode, user: s.user, busy: false });
    return true;
  } catch (err) {
    const loginError =
      err instanceof ApiError && err.status === 401
        ? 'That token is not valid. Check it, or ask a lead for a new one.'
        : `Could not log in: ${err instanceof Error ? err.message : String(err)}`;
    sessionStore.setState({ busy: false, loginError });
    return false;
  }
}

/** Logs out (ends the server session) and forgets the user. */
export async function logoutSession(): Promise<void> {
  sessionStore.setState({ busy: true });
  try {
    await api.logout();
  } finally {
    sessionStore.setState({ user: null, busy: false, loginError: null });
  }
}
