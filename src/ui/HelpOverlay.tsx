import { useEditor, useAppStore } from '../render/EditorContext.ts';
import { ModalOverlay } from './ModalOverlay.tsx';
import { NUDGE_STEP, NUDGE_STEP_LARGE } from '../actions/nudge.ts';
import { ROTATE_STEP_DEG, ROTATE_STEP_LARGE_DEG } from '../actions/rotateYaw.ts';
import { RESIZE_STEP, RESIZE_STEP_LARGE } from '../actions/resizeSelection.ts';

const CLOSE_KEYS = ['Escape', '?'];

/** `?`: every shortcut, straight from the action registry, grouped. */
export function HelpOverlay() {
  const editor = useEditor();
  const open = useAppStore((s) => s.ui.helpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  if (!open) return null;
  const shortcuts = editor.actions.listShortcuts();
  const groups = [...new Set(shortcuts.map((s) => s.group))];
  return (
    <ModalOverlay
      label="Keyboard shortcuts"
      onClose={() => setHelpOpen(false)}
      closeOnBackdrop
      closeKeys={CLOSE_KEYS}
      cardClassName="help"
      testId="help-overlay"
    >
      <div className="dialog-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="dialog-close" onClick={() => setHelpOpen(false)} aria-label="Close" title="Close (Esc)">
          ×
        </button>
      </div>
      <p className="help-modifiers" data-testid="help-modifiers">
        <strong>Modifiers:</strong> <kbd>Shift</kbd> makes steps bigger — arrows move {NUDGE_STEP} m, with Shift {NUDGE_STEP_LARGE} m; Q / E turn{' '}
        {ROTATE_STEP_DEG}°, with Shift {ROTATE_STEP_LARGE_DEG}°; the size keys change {RESIZE_STEP} m, with Shift {RESIZE_STEP_LARGE} m. <kbd>Ctrl</kbd>+arrows
        move along the box&apos;s own heading, <kbd>Alt</kbd>+↑/↓ move it up and down.
      </p>
      <div className="help-columns">
        {groups.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {shortcuts
                .filter((s) => s.group === g && s.display.length > 0)
                .map((s) => (
                  <div key={s.id} className={s.enabled ? 'shortcut' : 'shortcut disabled'}>
                    <dt>
                      {s.display.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </dt>
                    <dd>{s.label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted" data-testid="help-object-list">
        Object list: <kbd>/</kbd> finds (<code>class:car</code>, <code>#12</code>, <code>is:error</code>); in the list <kbd>↑</kbd> <kbd>↓</kbd> (or{' '}
        <kbd>k</kbd> <kbd>j</kbd>) move, <kbd>←</kbd> <kbd>→</kbd> fold a class, <kbd>Enter</kbd> frames the box, <kbd>Esc</kbd> gives the keys back to the
        view.
      </p>
      <p className="muted">Mouse: left-drag orbits (pans in the top view), wheel zooms, right-drag pans. Press ? or Esc to close.</p>
    </ModalOverlay>
  );
}
