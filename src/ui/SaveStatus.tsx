import { useAppStore } from '../render/EditorContext.ts';
import { saveErrorText } from './saveErrorText.ts';

const LABELS: Record<string, string> = {
  saved: 'Saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  conflict: 'Conflict',
  error: 'Save failed — retrying',
};

/**
 * Where the open frame's work stands: saved (with revision), pending, in conflict, or failed —
 * a failure says why in words when the server said (the raw error stays in the tooltip).
 */
export function SaveStatus() {
  const save = useAppStore((s) => s.save);
  const revision = useAppStore((s) => s.save.lastSavedRevision);
  const open = useAppStore((s) => s.doc !== null);
  const failed = save.status === 'error' ? saveErrorText(save.error) : null;
  // No document open (none yet, or the frame's labels could not be read): nothing of its to save.
  if (!open) return null;
  const label = failed && !failed.retrying ? 'Save failed' : (LABELS[save.status] ?? save.status);
  return (
    <span
      className={`save-status save-${save.status}`}
      data-testid="save-status"
      data-status={save.status}
      title={failed === null ? '' : failed.reason !== null ? `${failed.reason}\n${failed.raw}` : failed.raw}
    >
      {label}
      {save.status === 'saved' && revision !== null ? ` · rev ${revision}` : ''}
      {failed?.reason ? (
        <span className="save-reason" data-testid="save-reason">
          : {failed.reason}
        </span>
      ) : null}
    </span>
  );
}
