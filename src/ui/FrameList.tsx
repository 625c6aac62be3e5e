import { useAppStore } from '../state/appStore.ts';
import { openFrame } from '../actions/openFrame.ts';

/** Every frame of the dataset with its status and box count; click to open. */
export function FrameList() {
  const frames = useAppStore((s) => s.frames);
  const current = useAppStore((s) => s.currentFrameId);
  const error = useAppStore((s) => s.framesError);
  if (error) {
    return (
      <div className="error" role="alert">
        {error}
      </div>
    );
  }
  return (
    <nav className="frame-list" aria-label="Frames">
      <h2>Frames ({frames.length})</h2>
      <ul>
        {frames.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              className={f.id === current ? 'frame current' : 'frame'}
              onClick={() => void openFrame(f.id)}
              data-testid={`frame-${f.id}`}
            >
              <span className="frame-id">{f.id}</span>
              <span className={`status status-${f.status}`}>{f.status.replace('_', ' ')}</span>
              <span className="count">{f.boxCount} boxes</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
