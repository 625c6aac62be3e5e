import type { Action } from './Action.ts';
import { hasSelection, patchSelection } from './actionHelpers.ts';

/** Values T steps through for KITTI `truncated` (0..1). */
export const TRUNCATED_STEPS = [0, 0.5, 1];
/**
 * Values O steps through for KITTI `occluded`. 3 ("unknown") is left out on purpose: KITTI's
 * difficulty levels exclude occluded > 2, so a stray 3 would silently drop the object from
 * evaluation. Imported 3s are kept until changed.
 */
export const OCCLUDED_STEPS = [0, 1, 2];

function nextStep(steps: number[], value: number): number {
  return steps.find((v) => v > value + 1e-9) ?? steps[0];
}

function cycle(id: string, label: string, key: string, attr: 'truncated' | 'occluded', steps: number[]): Action {
  return {
    id,
    label,
    keys: [key],
    group: 'attributes',
    predicate: hasSelection,
    perform: (ctx) => {
      const primary = ctx.store.getState().selectedIds.at(-1);
      const doc = ctx.store.getState().doc!;
      const ref = doc.cuboids.find((c) => c.id === primary) ?? doc.cuboids.find((c) => ctx.store.getState().selectedIds.includes(c.id))!;
      // Every selected box gets the primary box's next value, so a mixed selection converges.
      const value = nextStep(steps, ref.attributes[attr]);
      return patchSelection(ctx, () => ({ attributes: { [attr]: value } }));
    },
  };
}

export const cycleAttributeActions: Action[] = [
  cycle('cycleTruncated', 'Truncated: 0 → 0.5 → 1', 't', 'truncated', TRUNCATED_STEPS),
  cycle('cycleOccluded', 'Occluded: 0 → 1 → 2', 'o', 'occluded', OCCLUDED_STEPS),
];
