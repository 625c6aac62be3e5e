import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { fitAtPoint } from '../tools/fit/fitAtPoint.ts';
import { placeTrackBox } from './placeTrackBox.ts';
import { findingFit } from './findingFit.ts';

function isPoint(v: unknown): v is [number, number, number] {
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/**
 * Fits a box at a given LiDAR point (metres): the checks panel's "Box it" on an unlabelled cluster,
 * of the class the check suggests for the cluster's size. `value` is the point `[x, y, z]`.
 * On a track gap (`trackGap`), places the track's box where it was bridged, with the track's id,
 * class and size, selected for the annotator to adjust (one undo step).
 */
export const fitAtLocation: Action = {
  id: 'fitAtLocation',
  label: 'Fit a box at a location',
  keys: [],
  group: 'create',
  predicate: hasDoc,
  perform: async (ctx) => {
    if (!isPoint(ctx.value)) throw new Error('fitAtLocation: value must be a point [x, y, z]');
    const at = ctx.value;
    // "Box it" on a missed-object result: the class that fits the cluster, not the current class.
    const result = ctx.store.getState().checks.results.find((r) => r.location !== null && r.location.every((v, i) => v === at[i]));
    if (result?.track !== undefined) {
      if (placeTrackBox(ctx.tools.ctx, result) !== null) {
        ctx.store.getState().showMessage(`Placed track ${result.track.trackId}'s box where the frames around put it; adjust it to its points.`, 'info');
      }
      return;
    }
    await fitAtPoint(ctx.tools.ctx, at, findingFit(result));
  },
};
