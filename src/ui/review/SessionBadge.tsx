import { useAppStore, useEditor } from '../../render/EditorContext.ts';
import './review.css';

/** Who is logged in and their role, with a log-out button (nothing in single-user mode). For the toolbar. */
export function SessionBadge() {
  const editor = useEditor();
  const mode = useAppStore((s) => s.session.mode);
  const user = useAppStore((s) => s.session.user);
  const busy = useAppStore((s) => s.session.busy);
  if (mode !== 'auth' || user === null) return null;
  return (
    <span className="session-badge" data-testid="session-user" data-role={user.role}>
      {user.name} <span className={`role role-${user.role}`}>{user.role}</span>
      <button type="button" className="tool" onClick={() => void editor.actions.run('logout')} disabled={busy} data-testid="logout">
        Log out
      </button>
    </span>
  );
}
