import type { CuboidShape } from '../../geometry/CuboidShape.ts';

/**
 * Index pairs (i < j) of boxes whose bird's-eye-view bounding circles (centre, half the BEV
 * diagonal, plus `slack` metres) meet: every pair that can overlap. With `isTarget`, only pairs
 * with at least one target box. Boxes with a non-finite centre are skipped. Sorted by x so the
 * scan stops early (n log n + close pairs).
 */
export function candidatePairs(boxes: readonly CuboidShape[], isTarget?: (index: number) => boolean, slack = 0): [number, number][] {
  const n = boxes.length;
  const radius = new Float64Array(n);
  let maxR = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.hypot(boxes[i].size[0], boxes[i].size[1]) / 2 + slack;
    radius[i] = Number.isFinite(r) ? r : 0;
    if (radius[i] > maxR) maxR = radius[i];
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => Number.isFinite(boxes[i].center[0]) && Number.isFinite(boxes[i].center[1]))
    .sort((a, b) => boxes[a].center[0] - boxes[b].center[0]);
  const pairs: [number, number][] = [];
  for (let a = 0; a < order.length; a++) {
    const i = order[a];
    const xi = boxes[i].center[0];
    for (let b = a + 1; b < order.length; b++) {
      const j = order[b];
      const dx = boxes[j].center[0] - xi;
      if (dx > radius[i] + maxR) break;
      if (isTarget && !isTarget(i) && !isTarget(j)) continue;
      const dy = boxes[j].center[1] - boxes[i].center[1];
      const reach = radius[i] + radius[j];
      if (dx * dx + dy * dy <= reach * reach) pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs;
}
