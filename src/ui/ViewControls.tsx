import { useAppStore } from '../render/EditorContext.ts';
import { MergeControls } from './MergeControls.tsx';

const BUILT_IN = ['height', 'distance', 'boxClass'];
/** What the colour menu shows for a mode, when not its name. */
const MODE_LABEL: Record<string, string> = { boxClass: 'box class' };
const NOT_COLOURABLE = new Set(['x', 'y', 'z']);

/** Colour mode (height, distance or any scalar field of the file) and point size. */
export function ViewControls() {
  const colorMode = useAppStore((s) => s.view.colorMode);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const fields = useAppStore((s) => s.load.fields);
  const setColorMode = useAppStore((s) => s.setColorMode);
  const setPointSize = useAppStore((s) => s.setPointSize);
  const options = [...BUILT_IN, ...fields.filter((f) => f.count === 1 && !NOT_COLOURABLE.has(f.name)).map((f) => (f.name === 'rgba' ? 'rgb' : f.name))];
  return (
    <div className="view-controls">
      <label>
        Colour
        <select value={colorMode} onChange={(e) => setColorMode(e.target.value)} data-testid="color-mode">
          {[...new Set(options)].map((o) => (
            <option key={o} value={o}>
              {MODE_LABEL[o] ?? o}
            </option>
          ))}
        </select>
      </label>
      <label>
        Size
        <input type="range" min={1} max={8} step={0.5} value={pointSize} onChange={(e) => setPointSize(Number(e.target.value))} />
      </label>
      <MergeControls />
    </div>
  );
}
