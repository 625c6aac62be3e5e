import type { Action } from './Action.ts';
import { hasSelection, patchSelection, stepFor } from './actionHelpers.ts';
import { MIN_CUBOID_SIZE } from '../tools/dragGeometry.ts';

/** Resize steps, metres: plain and with shift. */
export const RESIZE_STEP = 0.1;
export const RESIZE_STEP_LARGE = 0.5;

function resize(id: string, label: string, keys: string[], axis: 0 | 1 | 2, sign: 1 | -1): Action {
  return {
    id,
    label,
    keys,
    group: 'edit',
    predicate: hasSelection,
    repeatable: true,
    perform: (ctx) => {
      const step = stepFor(ctx, RESIZE_STEP, RESIZE_STEP_LARGE) * sign;
      return patchSelection(ctx, (c) => {
        const size: [number, number, number] = [c.size[0], c.size[1], c.size[2]];
        size[axis] = Math.max(MIN_CUBOID_SIZE, size[axis] + step);
        const dh = size[2] - c.size[2];
        // Length and width grow about the centre; height grows upward (the bottom stays on the ground).
        return { size, center: [c.center[0], c.center[1], c.center[2] + dh / 2] };
      });
    },
  };
}

/**
 * Size keys for the selected boxes, 0.1 m (shift: 0.5 m): `]`/`[` length, `'`/`;` width,
 * `=`/`-` height. The shifted characters (`}` `{` `"` `:` `+` `_`) are listed too.
 */
export const resizeActions: Action[] = [
  resize('growLength', 'Longer', [']', '}'], 0, 1),
  resize('shrinkLength', 'Shorter', ['[', '{'], 0, -1),
  resize('growWidth', 'Wider', ["'", '"'], 1, 1),
  resize('shrinkWidth', 'Narrower', [';', ':'], 1, -1),
  resize('growHeight', 'Taller', ['=', '+'], 2, 1),
  resize('shrinkHeight', 'Lower', ['-', '_'], 2, -1),
];
