import { selectFocusedFinding } from '../state/selectors.ts';
import { useEditor, useAppStore } from '../render/EditorContext.ts';

/**
 * The missed-object finding whose pin (or checks row) was clicked: where it is, what the checks
 * think it is, and the two answers, "Box it" and "Not an object" (X). Hidden for the box `N`
 * just made (its notice carries the button) and once the finding is boxed or dismissed.
 */
export function FindingCard() {
  const editor = useEditor();
  const finding = useAppStore(selectFocusedFinding);
  const focusFinding = useAppStore((s) => s.focusFinding);
  const locked = useAppStore((s) => s.editLock);
  if (finding === null || finding.boxId !== undefined) return null;
  const [x, y] = finding.location;
  const value = { location: finding.location, suggestedLabel: finding.suggestedLabel, radius: finding.radius };
  return (
    <div className="finding-card" role="group" aria-label="Missed object" data-testid="finding-card">
      <span>
        Missed {finding.suggestedLabel ?? 'object'}? at ({x.toFixed(1)}, {y.toFixed(1)}), {Math.hypot(x, y).toFixed(0)} m away
      </span>
      <button
        type="button"
        disabled={locked !== null}
        title={locked ?? 'Fit a box of the suggested class here'}
        onClick={() => void editor.actions.executeAction('fitAtLocation', undefined, finding.location)}
      >
        Box it
      </button>
      <button
        type="button"
        data-testid="finding-dismiss"
        disabled={locked !== null}
        title={locked ?? 'Scenery, not an object: the checks and N leave this place alone (X)'}
        onClick={() => void editor.actions.executeAction('dismissFinding', undefined, value)}
      >
        Not an object <kbd>X</kbd>
      </button>
      <button type="button" className="finding-close" aria-label="Close" onClick={() => focusFinding(null)}>
        ×
      </button>
    </div>
  );
}
