import type { MergedCloud } from '../io/mergedClouds.ts';

/**
 * How many points of a merged cloud to draw now (the merged layer uploads and then shows them): while the
 * merge streams, only once what has arrived is at least GROWTH times what is drawn (so the view is
 * redrawn a few times, about log₂(budget / first batch), not once per batch: each redraw of a big
 * cloud costs the GPU the same as the last one, and in software GL that time is taken from the merge
 * worker); once it is complete, the whole budget. The first view is at most FIRST_VIEW points (an
 * even sample, the order being level of detail), even when more has come: a merge answered from
 * the server's cache arrives at once, and drawing 0.5 M points first took its first view to 0.5 s.
 * While it streams, at most `partialCap` points are drawn (`SOFTWARE_PARTIAL_CAP` on a software
 * renderer), then the whole budget once it is complete.
 */
export function uploadTarget(cloud: Pick<MergedCloud, 'received' | 'complete'>, budget: number, drawn: number, partialCap = Infinity): number {
  if (drawn === 0) return Math.min(budget, FIRST_VIEW);
  if (cloud.complete) return budget;
  if (cloud.received >= GROWTH * drawn) return Math.max(drawn, Math.min(budget, partialCap));
  return Math.min(budget, drawn);
}

/**
 * Most points drawn while a merge still streams, on a software renderer with a budget past its
 * default (0.5 M; at the default the merge streams as on a GPU: capped, its last 0.24 M points
 * went up only once it was complete, and full detail came later). Each redraw there costs
 * the CPU the whole drawn cloud (about 0.65 M points a second), and the uploads after it wait for
 * it: with a 2 M budget, redraws of 0.5–1.5 M points while the last batches came took the whole
 * budget's first full view from about 1.2 s to 7.8–10.9 s in 2 of 6 runs.
 */
export const SOFTWARE_PARTIAL_CAP = 262_144;

/** Points of the first merged view (about the open frame's coarse level: a point per 0.4 m voxel). */
export const FIRST_VIEW = 65_536;

/** Growth of the drawn merged points between two redraws while the merge streams. */
export const GROWTH = 2;
