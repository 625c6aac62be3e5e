import { useAppStore, useEditor } from '../render/EditorContext.ts';
import { ModalOverlay } from './ModalOverlay.tsx';
import { plural } from './plural.ts';
import { boxName } from './boxName.ts';
import { conflictBoxRows } from './conflictBoxText.ts';

/**
 * Someone else saved this frame first. Shows both versions side by side (the boxes both changed,
 * each side's class, centre, size and heading) and lets the user choose; nothing is overwritten
 * until they do ("theirs" keeps mine in the recovery slot).
 */
export function ConflictDialog() {
  const conflict = useAppStore((s) => s.save.conflict);
  const editor = useEditor();
  if (!conflict) return null;
  const { mine, theirs } = conflict;
  const nameOf = (id: string) => {
    if (id === 'dontCare') return 'the DontCare regions';
    const mark = (mine.dismissals ?? []).find((d) => d.id === id) ?? (theirs.dismissals ?? []).find((d) => d.id === id);
    if (mark) return `the "not an object" mark at (${mark.location[0].toFixed(1)}, ${mark.location[1].toFixed(1)})`;
    const box = mine.cuboids.find((c) => c.id === id) ?? theirs.cuboids.find((c) => c.id === id);
    return box ? `the ${boxName(box)}` : 'a box';
  };
  // The boxes both changed, each side as it is: what to choose between.
  const rows = conflictBoxRows(conflict.boxes ?? [], mine.cuboids, theirs.cuboids);
  const summary = (doc: typeof mine) =>
    Object.entries(
      doc.cuboids.reduce<Record<string, number>>((acc, c) => {
        acc[c.label] = (acc[c.label] ?? 0) + 1;
        return acc;
      }, {}),
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ') || 'no boxes';
  return (
    <ModalOverlay role="alertdialog" label="Save conflict" onClose={() => undefined} closeKeys={[]} testId="conflict-dialog">
      <h2>This frame was changed by someone else</h2>
      <p>
        Frame {theirs.frameId} is at revision {theirs.revision} on the server; your changes were based on revision {mine.revision}. Nothing has been
        overwritten.
      </p>
      {conflict.boxes && conflict.boxes.length > 0 ? (
        <p data-testid="conflict-boxes">
          You both changed {conflict.boxes.map((id) => nameOf(id)).join(', ')}; your edits to other boxes and theirs would have been merged.
        </p>
      ) : null}
      <div className="conflict-columns">
        <section>
          <h3>Yours</h3>
          <p>
            {plural(mine.cuboids.length, 'box', 'boxes')}: {summary(mine)}
          </p>
          {rows.map((r) => (
            <p key={r.id} className="conflict-box" data-testid="conflict-mine">
              {r.mine}
            </p>
          ))}
        </section>
        <section>
          <h3>Theirs (revision {theirs.revision})</h3>
          <p>
            {plural(theirs.cuboids.length, 'box', 'boxes')}: {summary(theirs)}
          </p>
          {rows.map((r) => (
            <p key={r.id} className="conflict-box" data-testid="conflict-theirs">
              {r.theirs}
            </p>
          ))}
        </section>
      </div>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => void editor.actions.run('keepMine')} data-testid="keep-mine">
          Keep mine (save over revision {theirs.revision})
        </button>
        <button type="button" onClick={() => void editor.actions.run('takeTheirs')} data-testid="take-theirs">
          Take theirs (mine kept for recovery)
        </button>
      </div>
    </ModalOverlay>
  );
}
