import { useEditor, useAppStore } from '../render/EditorContext.ts';
import { classColor } from '../render/classColors.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';

/**
 * The class palette (the dictionary's classes): number keys 1–9 (and a click on any entry, the
 * tenth on included) relabel the selected box, or with nothing selected pick the class for new
 * boxes. The highlighted entry is the selected box's class, else the class for new boxes.
 */
export function ClassPalette() {
  const editor = useEditor();
  const palette = useAppStore((s) => s.classes.palette);
  const forNew = useAppStore((s) => s.classes.current);
  const selectedLabel = useAppStore((s) => selectPrimaryCuboid(s)?.label ?? null);
  const current = selectedLabel ?? forNew;
  return (
    <section className="panel" aria-label="Classes">
      <h2>
        Class{' '}
        <span className="muted" data-testid="class-scope">
          · {selectedLabel !== null ? 'selected box' : 'new boxes'}
        </span>
      </h2>
      <div className="palette">
        {palette.map((label, i) => (
          <button
            key={label}
            type="button"
            className={label === current ? 'class active' : 'class'}
            onClick={() => void (i < 9 ? editor.actions.executeAction(`setClass${i + 1}`) : editor.actions.executeAction('setClassByName', undefined, label))}
            data-testid={`class-${label}`}
            title={i < 9 ? `${label} (${i + 1})` : label}
          >
            <span className="swatch" style={{ background: classColor(label) }} />
            {i < 9 ? <kbd>{i + 1}</kbd> : null}
            <span className="class-label" title={label}>
              {/* A long name breaks after its underscore ("Person_" / "sitting"), not cut to "Person_s…". */}
              {label.replace(/_/g, '_\u200b')}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
