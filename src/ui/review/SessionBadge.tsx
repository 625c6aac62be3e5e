import { useStore } from 'zustand';
import { logoutSession, sessionStore } from '../../services/sessionStore.ts';
import './review.css';

/** Who is logged in and their role, with a log-out button (nothing in single-user mode). For the toolbar. */
export function SessionBadge() {
  const mode = useStore(sessionStore, (s) => s.mode);
  const user = useStore(sessionStore, (s) => s.user);
  const busy = useStore(sessionStore, (s) => s.busy);
  if (mode !== 'auth' || user === null) return null;
  return (
    <span className="session-badge" data-testid="session-user" data-role={user.role}>
      {user.name} <span className={`role role-${user.role}`}>{user.role}</span>
      <button type="button" className="tool" onClick={() => void logoutSession()} disabled={busy} data-testid="logout">
        Log out
      </button>
    </span>
  );
}
