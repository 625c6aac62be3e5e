import { useAppStore } from '../render/EditorContext.ts';
import { selectMergedShown } from '../state/selectors.ts';
import { MergeControls } from './MergeControls.tsx';

/** Why the colour menu is off while merged sweeps are shown. */
const MERGED_COLOUR = 'Merged sweeps are coloured by height, or by sweep time (tick "time"); turn the sweeps off for the other colours';

const BUILT_IN = ['height', 'distance', 'boxClass'];
/** What the colour menu shows for a mode, when not its name. */
/** Names shown for colour modes and well-known point fields (others show as the file names them). */
const MODE_LABEL: Record<string, string> = { boxClass: 'box class', t: 'time (t)', timestamp: 'time stamp', time: 'time', laser_id: 'laser id', rgb: 'RGB' };
const NOT_COLOURABLE = new Set(['x', 'y', 'z']);
/** Point budgets the menu offers (the current one is added when it is not among them). */
const BUDGETS = [250_000, 500_000, 1_000_000, 2_000_000, 4_000_000];
const millions = (n: number): string => `${+(n / 1e6).toFixed(2)}M`;

/** Colour mode (height, distance or any scalar field of the file), point size and point budget. */
export function ViewControls() {
  const colorMode = useAppStore((s) => s.view.colorMode);
  const merged = useAppStore(selectMergedShown);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const fields = useAppStore((s) => s.load.fields);
  const setColorMode = useAppStore((s) => s.setColorMode);
  const setPointSize = useAppStore((s) => s.setPointSize);
  const budget = useAppStore((s) => s.view.pointBudget);
  const setBudget = useAppStore((s) => s.setPointBudget);
  const budgets = [...new Set([...BUDGETS, budget])].sort((a, b) => a - b);
  const options = [...BUILT_IN, ...fields.filter((f) => f.count === 1 && !NOT_COLOURABLE.has(f.name)).map((f) => (f.name === 'rgba' ? 'rgb' : f.name))];
  return (
    <div className="view-controls">
      <label title={merged ? MERGED_COLOUR : 'Colour the points by'}>
        <span className="control-name">Colour</span>
        <select value={colorMode} onChange={(e) => setColorMode(e.target.value)} disabled={merged} data-testid="color-mode">
          {[...new Set(options)].map((o) => (
            <option key={o} value={o}>
              {MODE_LABEL[o] ?? o}
            </option>
          ))}
        </select>
      </label>
      <label title="Point size">
        <span className="control-name">Size</span>
        <input type="range" min={1} max={8} step={0.5} value={pointSize} onChange={(e) => setPointSize(Number(e.target.value))} />
      </label>
      <label title="Most points drawn at once (one big frame, or merged sweeps): fewer redraw faster. 0.5M by default on a software renderer (no GPU)">
        <span className="control-name">Budget</span>
        <select value={budget} onChange={(e) => setBudget(Number(e.target.value))} data-testid="point-budget">
          {budgets.map((b) => (
            <option key={b} value={b}>
              {millions(b)}
            </option>
          ))}
        </select>
      </label>
      <MergeControls />
    </div>
  );
}
