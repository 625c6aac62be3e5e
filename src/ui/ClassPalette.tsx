import { useAppStore } from '../state/appStore.ts';
import { useEditor } from '../render/EditorContext.ts';
import { classColor } from '../render/classColors.ts';

/** The class palette: number keys 1–9 pick the class for new boxes and relabel the selection. */
export function ClassPalette() {
  const editor = useEditor();
  const palette = useAppStore((s) => s.classes.palette);
  const current = useAppStore((s) => s.classes.current);
  return (
    <section className="panel" aria-label="Classes">
      <h2>Class</h2>
      <div className="palette">
        {palette.slice(0, 9).map((label, i) => (
          <button
            key={label}
            type="button"
            className={label === current ? 'class active' : 'class'}
            onClick={() => void editor.actions.executeAction(`setClass${i + 1}`)}
            data-testid={`class-${label}`}
            title={`${label} (${i + 1})`}
          >
            <span className="swatch" style={{ background: classColor(label) }} />
            <kbd>{i + 1}</kbd>
            <span className="class-label">{label}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
