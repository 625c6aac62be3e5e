import type { Action } from './Action.ts';
import { degrees } from '../domain/units/angles.ts';
import { degToRad, hasSelection, patchSelection, stepFor } from './actionHelpers.ts';

/** Rotation steps, degrees: plain and with shift. */
export const ROTATE_STEP_DEG = degrees(1);
export const ROTATE_STEP_LARGE_DEG = degrees(5);

function rotate(id: string, label: string, key: string, sign: 1 | -1): Action {
  return {
    id,
    label,
    keys: [key, `shift+${key}`],
    group: 'edit',
    predicate: hasSelection,
    repeatable: true,
    perform: (ctx) => {
      const step = degToRad(stepFor(ctx, ROTATE_STEP_DEG, ROTATE_STEP_LARGE_DEG)) * sign;
      return patchSelection(ctx, (c) => ({ yaw: c.yaw + step }));
    },
  };
}

/** Q / E turn the selected boxes about their centres by 1° (shift: 5°), counter-clockwise / clockwise seen from above. */
export const rotateYawActions: Action[] = [rotate('rotateLeft', 'Rotate counter-clockwise', 'q', 1), rotate('rotateRight', 'Rotate clockwise', 'e', -1)];
