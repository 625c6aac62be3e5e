import { useEffect } from 'react';
import { useAppStore } from '../state/appStore.ts';

/** Short messages from tools and actions ("no points to fit here"); errors stay until dismissed. */
export function MessageToast() {
  const message = useAppStore((s) => s.ui.message);
  const dismiss = useAppStore((s) => s.dismissMessage);
  useEffect(() => {
    if (!message || message.level === 'error') return;
    const t = setTimeout(dismiss, 4000);
    return () => clearTimeout(t);
  }, [message, dismiss]);
  if (!message) return null;
  return (
    <div className={`toast toast-${message.level}`} role={message.level === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span>{message.text}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
