import type { AppStore } from '../state/createAppStore.ts';
import { ApiError, type ApiClient } from '../io/apiClient.ts';

/** Who is using the page: its state lives in the store's `session` slice. */
export interface SessionService {
  /** Asks the server who we are (`GET /api/session`). */
  load(): Promise<void>;
  /** Logs in with a token; true on success (the server sets the session cookie). */
  login(token: string): Promise<boolean>;
  /** Logs out (ends the server session) and forgets the user. */
  logout(): Promise<void>;
}

export function createSessionService(store: AppStore, api: ApiClient): SessionService {
  const setSession = (patch: Parameters<ReturnType<AppStore['getState']>['setSession']>[0]) => store.getState().setSession(patch);
  return {
    async load() {
      try {
        const s = await api.getSession();
        setSession({ status: 'ready', mode: s.mode, user: s.user, error: null });
      } catch (err) {
        setSession({ status: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    },
    async login(token) {
      setSession({ busy: true, loginError: null });
      try {
        const s = await api.login(token.trim());
        setSession({ status: 'ready', mode: s.mode, user: s.user, busy: false });
        return true;
      } catch (err) {
        const loginError =
          err instanceof ApiError && err.status === 401
            ? 'That token is not valid. Check it, or ask a lead for a new one.'
            : `Could not log in: ${err instanceof Error ? err.message : String(err)}`;
        setSession({ busy: false, loginError });
        return false;
      }
    },
    async logout() {
      setSession({ busy: true });
      try {
        await api.logout();
      } finally {
        setSession({ user: null, busy: false, loginError: null });
      }
    },
  };
}
