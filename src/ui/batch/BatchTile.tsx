import type { FrameListItem } from '../../domain/document/FrameListItem.ts';
import { isKeyframe, needsAttention } from '../../domain/sequence/trackAttributes.ts';
import type { BatchController } from '../../services/batchController.ts';
import { classColor } from '../../render/classColors.ts';
import { useAppStore } from '../../render/EditorContext.ts';
import { CloseUpCanvas } from './CloseUpCanvas.tsx';
import { useTileCrop } from './useTileCrop.ts';

const SAVE_TEXT: Record<string, string> = {
  loading: 'loading…',
  saved: 'saved',
  dirty: 'unsaved',
  saving: 'saving…',
  conflict: 'conflict',
  error: 'not saved',
};

export interface BatchTileProps {
  controller: BatchController;
  frame: FrameListItem;
  /** Position in the window. */
  index: number;
  focused: boolean;
  /** Heights of the top and side close-ups, CSS pixels. */
  topHeight: number;
  sideHeight: number;
}

/**
 * One frame of the batch view: its id and save state, whether the track's box there is a
 * keyframe, and the top and side close-ups of that box over the points around it. The open
 * frame's tile edits the store (undo, autosave); the others' edits are saved on their own.
 */
export function BatchTile({ controller, frame, index, focused, topHeight, sideHeight }: BatchTileProps) {
  const isOpen = useAppStore((s) => s.doc?.frameId === frame.id);
  const openSave = useAppStore((s) => s.save.status);
  const tile = useAppStore((s) => s.batch.tiles[frame.id]);
  const trackId = useAppStore((s) => s.batch.trackId);
  const doc = useAppStore((s) => (s.doc?.frameId === frame.id ? s.doc : (s.batch.tiles[frame.id]?.doc ?? null)));
  const setFocus = useAppStore((s) => s.setBatchFocus);
  const box = doc?.cuboids.find((c) => c.trackId === trackId) ?? null;
  /** Size (m) and heading (degrees) for the footer; the full text is its tooltip where the tile is narrow. */
  const yawText = box ? `${((box.yaw * 180) / Math.PI).toFixed(1)}°` : '';
  const dims = box ? `${box.size.map((v) => v.toFixed(2)).join('×')} ${yawText}` : '';
  const dimsTitle = box ? `length × width × height ${box.size.map((v) => v.toFixed(2)).join(' × ')} m, heading ${yawText}` : '';
  const { positions, error: cropError } = useTileCrop(controller.crops, frame, box);
  const status = isOpen ? openSave : (tile?.status ?? 'loading');
  const key = box !== null && isKeyframe(box);
  const attention = box !== null && needsAttention(box);
  const note = doc === null ? (tile?.error ? `could not load: ${tile.error}` : 'loading…') : box === null ? 'no box of this track' : undefined;
  const name = Number.isFinite(Number(frame.id)) ? String(Number(frame.id)) : frame.id;
  const run = (actionId: string) => void controller.runAction(frame.id, actionId);

  return (
    <section
      className={`batch-tile${focused ? ' focused' : ''}${isOpen ? ' open-frame' : ''}`}
      aria-label={`Frame ${frame.id}`}
      data-testid={`batch-tile-${frame.id}`}
      data-save={status}
      data-keyframe={key ? 'true' : 'false'}
      onPointerDown={() => setFocus(index)}
    >
      <header className="batch-tile-head">
        <button
          type="button"
          className={`batch-key${key ? ' on' : ''}`}
          title={key ? 'Keyframe (K unmarks)' : 'Not a keyframe (K marks)'}
          disabled={box === null}
          onClick={() => run('toggleKeyframe')}
        >
          {key ? '◆' : '◇'}
        </button>
        <span className="batch-frame" title={`Frame ${frame.id}`}>
          {name}
        </span>
        {isOpen ? <span className="batch-open">open</span> : null}
        {attention ? (
          <span className="batch-attention" title="Propagation could not re-fit this box: check it">
            !
          </span>
        ) : null}
        <span
          className={`batch-save ${status}`}
          title={tile?.error ?? (tile?.revision != null ? `revision ${tile.revision}` : undefined)}
          data-testid={`batch-save-${frame.id}`}
        >
          {SAVE_TEXT[status] ?? status}
        </span>
      </header>
      {status === 'conflict' && !isOpen ? (
        <div className="batch-conflict" role="alert" title="Someone else saved a different change to this box meanwhile: keep your version or take theirs">
          <span>Changed elsewhere too</span>
          <button type="button" onClick={() => void controller.resolve(frame.id, 'mine')}>
            Keep mine
          </button>
          <button type="button" onClick={() => void controller.resolve(frame.id, 'theirs')}>
            Take theirs
          </button>
        </div>
      ) : status === 'error' && tile?.error && !isOpen ? (
        <div className="batch-error" role="alert" title={tile.error}>
          {tile.error}
        </div>
      ) : null}
      <CloseUpCanvas
        kind="top"
        box={box}
        color={box ? classColor(box.label) : '#9aa3b2'}
        positions={positions}
        focused={focused}
        note={note ?? (cropError ? `points: ${cropError}` : undefined)}
        editable
        height={topHeight}
        onCommit={(patch) => controller.placeBox(frame.id, patch)}
        testId={`batch-top-${frame.id}`}
      />
      <CloseUpCanvas
        kind="side"
        box={box}
        color={box ? classColor(box.label) : '#9aa3b2'}
        positions={positions}
        focused={focused}
        note={note}
        editable
        height={sideHeight}
        onCommit={(patch) => controller.placeBox(frame.id, patch)}
        testId={`batch-side-${frame.id}`}
      />
      <footer className="batch-tile-foot">
        <button type="button" disabled={box === null} onClick={() => run('refit')} title="Refit to the points (R)">
          R
        </button>
        <button type="button" onClick={() => void controller.interpolate(frame.id)} title="Interpolate between the keyframes around this frame (I)">
          I
        </button>
        <button type="button" disabled={box === null} onClick={() => run('deleteSelection')} title="Delete the box from this frame (Del)">
          Del
        </button>
        <span className="muted batch-dims" title={dimsTitle}>
          {dims}
        </span>
      </footer>
    </section>
  );
}
