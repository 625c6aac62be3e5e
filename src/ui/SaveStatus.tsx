import { useAppStore } from '../state/appStore.ts';

const LABELS: Record<string, string> = {
  saved: 'Saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  conflict: 'Conflict',
  error: 'Save failed — retrying',
};

/** Where the open frame's work stands: saved (with revision), pending, or in conflict. */
export function SaveStatus() {
  const save = useAppStore((s) => s.save);
  const revision = useAppStore((s) => s.save.lastSavedRevision);
  return (
    <span className={`save-status save-${save.status}`} data-testid="save-status" data-status={save.status} title={save.error ?? ''}>
      {LABELS[save.status] ?? save.status}
      {save.status === 'saved' && revision !== null ? ` · rev ${revision}` : ''}
    </span>
  );
}
