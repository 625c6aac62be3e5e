import { useState, type FormEvent } from 'react';
import { useAppStore, useEditor } from '../render/EditorContext.ts';
import './review/review.css';

/**
 * Token login, shown when the server has users and this browser has no session. The token is
 * the one `npx cuboid user add` printed; it goes to the server once and is never kept in the page.
 */
export function LoginPage() {
  const [token, setToken] = useState('');
  const editor = useEditor();
  const busy = useAppStore((s) => s.session.busy);
  const error = useAppStore((s) => s.session.loginError);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (token.trim() === '') return;
    const ok = await editor.actions.run('login', token);
    if (ok) setToken('');
  };
  return (
    <div className="login-page" data-testid="login-page">
      <form className="login-card" onSubmit={(e) => void submit(e)}>
        <h1>
          <span className="brand">Cuboid</span> · log in
        </h1>
        <p className="muted">
          This server has users. Paste the token a lead gave you (it was printed by <code>cuboid user add</code>).
        </p>
        <label className="login-field">
          Token
          <input
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            data-testid="login-token"
            autoFocus
          />
        </label>
        {error !== null && (
          <p className="review-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={busy || token.trim() === ''} data-testid="login-submit">
            {busy ? 'Logging in…' : 'Log in'}
          </button>
        </div>
      </form>
    </div>
  );
}
