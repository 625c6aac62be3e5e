import { useAppStore } from '../render/EditorContext.ts';

/**
 * Over the main view while merged sweeps were asked for but could not be merged (no ego poses, a
 * failed request) or some sweeps were skipped: the whole reason, which the toolbar has no room
 * for, and a way to turn the merge off.
 */
export function MergeNotice() {
  const m = useAppStore((s) => s.merge);
  const setSweeps = useAppStore((s) => s.setMergeSweeps);
  if (m.sweeps === 0 || m.message === null) return null;
  const failed = m.status === 'unavailable' || m.status === 'error';
  return (
    <div className={`merge-notice${failed ? ' merge-notice-failed' : ''}`} role="status" data-testid="merge-notice">
      <span>{m.message}</span>
      {failed ? (
        <button type="button" className="tool" onClick={() => setSweeps(0)}>
          Turn sweeps off
        </button>
      ) : null}
    </div>
  );
}
