import type { MergeSlice } from '../state/slices/mergeSlice.ts';

/** What the canvas draws of the merge: the merged cloud on screen and the one kept while the next loads. */
function mergedOnCanvas(m: MergeSlice['merge']): string {
  return `${m.onScreen && m.key !== null ? m.key : ''}|${m.stale?.key ?? ''}`;
}

/**
 * Whether a change of the merge state changes the canvas (which cloud, its colours); its progress
 * figures (sweeps fetched, points drawn, timings) only show in the panel. The merged layer asks
 * for its own frames as points arrive. A merge loading out of sight, and its settings (sweeps,
 * time colours) while no merged cloud is drawn, change nothing on the canvas: turning sweeps on
 * redrew the open frame's own sweep twice for nothing, and a software renderer, busy with those,
 * drew the first merged view up to two frames later.
 */
export function mergeShowsDiffer(a: MergeSlice['merge'], b: MergeSlice['merge']): boolean {
  const before = mergedOnCanvas(a);
  if (before !== mergedOnCanvas(b)) return true;
  return before !== '|' && (a.colorByTime !== b.colorByTime || a.timeRange !== b.timeRange || a.sweeps !== b.sweeps);
}
