import type { MergedCloud } from '../io/mergedClouds.ts';

/**
 * How many points of a merged cloud to draw now (the merged layer uploads and then shows them): while the
 * merge streams, only once what has arrived is at least GROWTH times what is drawn (so the view is
 * redrawn a few times, about log₂(budget / first batch), not once per batch: each redraw of a big
 * cloud costs the GPU the same as the last one, and in software GL that time is taken from the merge
 * worker); once it is complete, the whole budget. The first view is at most FIRST_VIEW points (an
 * even sample, the order being level of detail), even when more has come: a merge answered from
 * the server's cache arrives at once, and drawing 0.5 M points first took its first view to 0.5 s.
 */
export function uploadTarget(cloud: Pick<MergedCloud, 'received' | 'complete'>, budget: number, drawn: number): number {
  if (drawn === 0) return Math.min(budget, FIRST_VIEW);
  if (cloud.complete || cloud.received >= GROWTH * drawn) return budget;
  return Math.min(budget, drawn);
}

/** Points of the first merged view (about the open frame's coarse level: a point per 0.4 m voxel). */
export const FIRST_VIEW = 65_536;

/** Growth of the drawn merged points between two redraws while the merge streams. */
export const GROWTH = 2;
