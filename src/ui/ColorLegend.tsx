import { useAppStore } from '../render/EditorContext.ts';

/** The colour ramp with the value range of the current colour mode. */
export function ColorLegend() {
  const mode = useAppStore((s) => s.view.colorMode);
  const range = useAppStore((s) => s.load.ranges[s.view.colorMode]);
  if (mode === 'rgb') return null;
  const [lo, hi] = range ?? [0, 0];
  const top = hi;
  const unit = mode === 'height' || mode === 'distance' ? ' m' : '';
  return (
    <div className="legend" data-testid="legend">
      <span className="legend-title">{mode}</span>
      <span className="legend-ramp" />
      <span className="legend-labels">
        <span>
          {lo.toFixed(1)}
          {unit}
        </span>
        <span>
          {top.toFixed(1)}
          {unit}
        </span>
      </span>
    </div>
  );
}
