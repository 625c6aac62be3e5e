import { addCuboids, newCuboidId, newTrackId } from '../domain/document/cuboidOps.ts';
import { selectSelectedCuboids } from '../state/selectors.ts';
import type { Cuboid } from '../domain/types.ts';
import type { Action } from './Action.ts';
import { hasSelection } from './actionHelpers.ts';

/** Gap (metres) between a box and its copy. */
export const DUPLICATE_GAP = 0.2;

/**
 * Copies the selected boxes beside themselves (shifted along each box's left axis by its width
 * plus a small gap, as for a row of parked cars), with new ids and track ids, source 'manual',
 * and selects the copies.
 */
export const duplicateSelection: Action = {
  id: 'duplicateSelection',
  label: 'Duplicate selected boxes',
  keys: ['ctrl+d'],
  group: 'edit',
  predicate: hasSelection,
  perform: (ctx) => {
    const copies: Cuboid[] = selectSelectedCuboids(ctx.store.getState()).map((c) => {
      const d = c.size[1] + DUPLICATE_GAP;
      const copy: Cuboid = {
        ...c,
        id: newCuboidId(),
        trackId: newTrackId(),
        source: 'manual',
        center: [c.center[0] - Math.sin(c.yaw) * d, c.center[1] + Math.cos(c.yaw) * d, c.center[2]],
        attributes: { ...c.attributes },
      };
      delete copy.kitti2d;
      delete copy.score;
      return copy;
    });
    ctx.store.getState().applyDocChange((doc) => addCuboids(doc, copies));
    ctx.store.getState().select(copies.map((c) => c.id));
  },
};
