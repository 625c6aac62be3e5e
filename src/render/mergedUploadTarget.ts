import type { MergedCloud } from '../io/mergedClouds.ts';

/**
 * How many points of a merged cloud to have on the GPU now (`lodGeometry.sync`'s budget): while the
 * merge streams, only once what has arrived is at least GROWTH times what is drawn (so the view is
 * redrawn a few times, about log₂(budget / first batch), not once per batch: each redraw of a big
 * cloud costs the GPU the same as the last one, and in software GL that time is taken from the merge
 * worker); once it is complete, the whole budget.
 */
export function uploadTarget(cloud: Pick<MergedCloud, 'received' | 'complete'>, budget: number, drawn: number): number {
  if (cloud.complete || drawn === 0 || cloud.received >= GROWTH * drawn) return budget;
  return Math.min(budget, drawn);
}

/** Growth of the drawn merged points between two redraws while the merge streams. */
export const GROWTH = 2;
