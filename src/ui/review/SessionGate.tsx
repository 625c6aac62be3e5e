import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { loadSession, sessionStore } from '../../services/sessionStore.ts';
import { LoginPage } from '../LoginPage.tsx';

/**
 * Renders `children` (the app) once the server says who we are: straight away in single-user
 * mode, after a token login when the server has users. Mount it around the app:
 * `<SessionGate><App /></SessionGate>`.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const status = useStore(sessionStore, (s) => s.status);
  const mode = useStore(sessionStore, (s) => s.mode);
  const user = useStore(sessionStore, (s) => s.user);
  const error = useStore(sessionStore, (s) => s.error);
  useEffect(() => {
    void loadSession();
  }, []);
  if (status === 'loading') return <div className="gate-message muted">Connecting to the Cuboid server…</div>;
  if (status === 'error') {
    return (
      <div className="gate-message review-error" role="alert">
        Could not reach the Cuboid server: {error}
      </div>
    );
  }
  if (mode === 'locked') {
    return (
      <div className="gate-message" role="alert" data-testid="server-locked">
        This server listens on the network but has no users yet. A lead must add one: <code>npx cuboid user add NAME --role lead --data DIR</code>
      </div>
    );
  }
  if (user === null) return <LoginPage />;
  return <>{children}</>;
}
