import { useAppStore } from '../render/EditorContext.ts';

const nf = new Intl.NumberFormat('en-US');

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * Progress of the current frame's stream: bytes and points loaded, or the error that stopped it.
 * The count is the frame's own file's, also while merged sweeps are shown (the toolbar counts those).
 */
export function LoadStatus() {
  const load = useAppStore((s) => s.load);
  if (load.status === 'idle') return <span className="muted">Pick a frame</span>;
  if (load.status === 'error') {
    return (
      <span className="error" role="alert" data-testid="load-error">
        {load.error}
      </span>
    );
  }
  const figures =
    `${nf.format(load.totalPoints)} points in this frame (${nf.format(load.totalPoints - load.renderCount)} invalid) · ${mb(load.bytesTotal)} MB · ` +
    `first points ${Math.round(load.firstBatchMs ?? 0)} ms · full frame ${Math.round(load.totalMs ?? 0)} ms · fields ${load.fields.map((f) => f.name).join(' ')}`;
  const fraction = load.bytesTotal > 0 ? Math.min(1, load.bytesLoaded / load.bytesTotal) : 0;
  return (
    <span className="load-status" data-testid="load-status" data-status={load.status}>
      {load.status === 'loading' ? (
        <>
          <progress value={fraction} max={1} />
          <span>
            {mb(load.bytesLoaded)} / {mb(load.bytesTotal)} MB · {nf.format(load.pointsLoaded)} of {nf.format(load.totalPoints)} points
          </span>
        </>
      ) : (
        <span title={figures}>
          {figures}
          {load.notice !== null && (
            <>
              {' · '}
              <span className="load-notice" data-testid="load-notice" title={load.notice}>
                {/ by detection /.test(load.notice) ? '⚠ .bin layout detected' : '⚠ read with notes'}
              </span>
            </>
          )}
        </span>
      )}
    </span>
  );
}
