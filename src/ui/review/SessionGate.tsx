import { useEffect, type ReactNode } from 'react';
import { useAppStore, useEditor } from '../../render/EditorContext.ts';
import { LoginPage } from '../LoginPage.tsx';

/**
 * Renders `children` (the app) once the server says who we are: straight away in single-user
 * mode, after a token login when the server has users. `<CuboidEditor>` mounts it around
 * the editor.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const editor = useEditor();
  const status = useAppStore((s) => s.session.status);
  const mode = useAppStore((s) => s.session.mode);
  const user = useAppStore((s) => s.session.user);
  const error = useAppStore((s) => s.session.error);
  useEffect(() => {
    void editor.actions.run('loadSession');
  }, [editor]);
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
