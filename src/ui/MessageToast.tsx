import { useEffect } from 'react';
import { useEditor, useAppStore } from '../render/EditorContext.ts';

/** How long a message stays (ms): a plain one at least, one with a button, and at most. */
const PLAIN_MS = 4000;
const ACTION_MS = 10_000;
const MAX_MS = 12_000;
/** Reading time per word (ms): a long warning ("… widen or clear them in Visibility") stays until read. */
const PER_WORD_MS = 280;

/** How long `text` stays on screen: long enough to read, 4–12 s (10 s at least with a button). */
export function messageDuration(text: string, hasAction: boolean): number {
  const words = text.trim().split(/\s+/).length;
  return Math.min(MAX_MS, Math.max(hasAction ? ACTION_MS : PLAIN_MS, words * PER_WORD_MS));
}

/**
 * Short messages from tools and actions ("no points to fit here"); errors stay until dismissed. A
 * message may offer one button (N's notice: "Not an object"), which runs its action.
 */
export function MessageToast() {
  const editor = useEditor();
  const message = useAppStore((s) => s.ui.message);
  const dismiss = useAppStore((s) => s.dismissMessage);
  useEffect(() => {
    if (!message || message.level === 'error') return;
    // A message with a button stays long enough to reach for it (X does the same from the keyboard).
    const t = setTimeout(dismiss, messageDuration(message.text, message.action !== undefined));
    return () => clearTimeout(t);
  }, [message, dismiss]);
  if (!message) return null;
  return (
    <div className={`toast toast-${message.level}`} role={message.level === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span>{message.text}</span>
      {message.action ? (
        <button
          type="button"
          className="toast-action"
          data-testid="toast-action"
          onClick={() => {
            const action = message.action!;
            dismiss();
            editor.actions.executeAction(action.actionId, undefined, action.value);
          }}
        >
          {message.action.label}
        </button>
      ) : null}
      <button type="button" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
