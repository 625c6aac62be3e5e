import { useEditor, useAppStore, useHistory } from '../render/EditorContext.ts';

const TOOLS: { id: string; action: string; label: string; key: string }[] = [
  { id: 'select', action: 'toolSelect', label: 'Select', key: 'V' },
  { id: 'draw', action: 'toolDraw', label: 'Draw', key: 'B' },
  { id: 'fit', action: 'toolFit', label: 'Fit', key: 'F' },
];

/** Tool switcher, the main view mode, undo/redo: buttons that run registered actions. */
export function ToolButtons() {
  const editor = useEditor();
  const tool = useAppStore((s) => s.tool.path.split('.')[0]);
  const mode = useAppStore((s) => s.view.mainMode);
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  // A frame locked for this user (a reviewer, a submitted frame): the tools that make boxes say so and do nothing.
  const locked = useAppStore((s) => s.editLock);
  return (
    <div className="tool-buttons" role="toolbar" aria-label="Tools">
      {TOOLS.map((t) => (
        <button
          key={t.id}
          type="button"
          className={tool === t.id ? 'tool active' : 'tool'}
          title={locked !== null && t.id !== 'select' ? locked : `${t.label} (${t.key})`}
          disabled={locked !== null && t.id !== 'select'}
          onClick={() => void editor.actions.executeAction(t.action)}
          data-testid={`tool-${t.id}`}
        >
          {t.label} <kbd>{t.key}</kbd>
        </button>
      ))}
      <span className="sep" />
      <button
        type="button"
        className="tool"
        onClick={() => void editor.actions.executeAction('toggleMainView')}
        title="Switch the main view between 3D and bird's-eye (M)"
        data-testid="toggle-main-mode"
      >
        {mode === 'top' ? '3D view' : 'Top view'} <kbd>M</kbd>
      </button>
      <span className="sep" />
      <button type="button" className="tool" onClick={() => void editor.actions.executeAction('undo')} title="Undo (Ctrl+Z)" disabled={!canUndo}>
        Undo
      </button>
      <button type="button" className="tool" onClick={() => void editor.actions.executeAction('redo')} title="Redo (Ctrl+Shift+Z)" disabled={!canRedo}>
        Redo
      </button>
    </div>
  );
}
