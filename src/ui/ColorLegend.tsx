import { useAppStore } from '../render/EditorContext.ts';
import { DEFAULT_HEIGHT_RANGE } from '../render/pointMaterial.ts';
import { selectMergedShown } from '../state/selectors.ts';
import { ClassLegend } from './ClassLegend.tsx';

/**
 * The colour ramp with the value range of the current colour mode; while merged sweeps are
 * coloured by time, the ramp is the sweeps' offset from the open frame instead, and while they are
 * shown otherwise, height (what the merged cloud is coloured by, whatever the menu says).
 */
export function ColorLegend() {
  const merged = useAppStore(selectMergedShown);
  const chosen = useAppStore((s) => s.view.colorMode);
  const viewMode = merged ? 'height' : chosen;
  const viewRange = useAppStore((s) => s.load.ranges[viewMode]) ?? (merged ? DEFAULT_HEIGHT_RANGE : undefined);
  const byTime = useAppStore((s) => s.merge.colorByTime && s.merge.sweeps > 0 && (s.merge.status === 'ready' || s.merge.status === 'loading'));
  const timeRange = useAppStore((s) => s.merge.timeRange);
  const mode = byTime ? 'sweep time' : viewMode;
  if (mode === 'rgb') return null;
  if (mode === 'boxClass') return <ClassLegend />;
  // No points yet (or none that read): no range to show, rather than "0.0 m – 0.0 m".
  if (!byTime && viewRange === undefined) return null;
  const [lo, hi] = byTime ? timeRange : (viewRange ?? [0, 0]);
  const top = hi;
  const unit = mode === 'height' || mode === 'distance' ? ' m' : '';
  return (
    <div className="legend" data-testid="legend" data-covers-view="">
      <span className="legend-title">{merged ? `${mode} (merged sweeps)` : mode}</span>
      <span className="legend-ramp" />
      <span className="legend-labels">
        <span>{byTime ? sweepOffsetText(lo) : `${lo.toFixed(1)}${unit}`}</span>
        <span>{byTime ? sweepOffsetText(top) : `${top.toFixed(1)}${unit}`}</span>
      </span>
    </div>
  );
}

/** A sweep's place in time relative to the open frame: "3 before", "this sweep", "1 after". */
export function sweepOffsetText(offset: number): string {
  const n = Math.round(offset);
  return n === 0 ? 'this sweep' : n < 0 ? `${-n} before` : `${n} after`;
}
