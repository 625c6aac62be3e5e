import { useAppStore, useEditor } from '../render/EditorContext.ts';

/**
 * Over the main view when the open frame's points (or its labels, or the calib they are placed with) could not be read: which frame,
 * what is wrong with its file (name, line or byte offset, from the parser), that nothing was
 * changed, and the ways on: try again, or go to the next frame.
 */
export function LoadErrorCard() {
  const load = useAppStore((s) => s.load);
  const frames = useAppStore((s) => s.frames);
  const editor = useEditor();
  const openFrame = (frameId: string) => editor.actions.run('openFrame', frameId);
  const pointsFailed = load.status === 'error';
  const calib = load.labelsErrorFile === 'calib';
  if ((!pointsFailed && load.labelsError === null) || load.frameId === null) return null;
  const frameId = load.frameId;
  const at = frames.findIndex((f) => f.id === frameId);
  const next = at >= 0 ? frames[at + 1] : undefined;
  return (
    <div className="load-error-card" role="alert" data-testid="load-error-card">
      <h3>
        {pointsFailed
          ? `Frame ${frameId} could not be loaded`
          : calib
            ? `The calib of frame ${frameId} could not be read`
            : `The labels of frame ${frameId} could not be read`}
      </h3>
      <p className="load-error-text">{pointsFailed ? load.error : load.labelsError}</p>
      <p className="muted">
        {pointsFailed
          ? 'The file was not changed and the frame’s labels are kept. Fix or replace the file, then try again; the other frames work as usual.'
          : calib
            ? 'Its boxes are placed with the calib (camera to LiDAR), so no boxes are shown, nothing is checked and nothing is saved for this frame until the calib file reads: fix the file named above, then try again. The other frames work as usual.'
            : 'No boxes are shown, nothing is checked and nothing is saved for this frame until its label file reads: fix the line named above, then try again. The other frames work as usual.'}
      </p>
      <div className="load-error-actions">
        <button type="button" className="tool" onClick={() => void openFrame(frameId)}>
          Try again
        </button>
        {next ? (
          <button type="button" className="tool" onClick={() => void openFrame(next.id)}>
            Next frame ({next.id})
          </button>
        ) : null}
      </div>
    </div>
  );
}
