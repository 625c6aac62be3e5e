import type { Action } from './Action.ts';
import type { Cuboid } from '../domain/types.ts';
import { hasSelection, patchSelection, stepFor } from './actionHelpers.ts';

/** Nudge steps, metres: plain and with shift. */
export const NUDGE_STEP = 0.1;
export const NUDGE_STEP_LARGE = 0.5;

type Direction = (c: Cuboid) => [number, number, number];

function nudge(id: string, label: string, keys: string[], dir: Direction): Action {
  return {
    id,
    label,
    keys: keys.flatMap((k) => [k, `shift+${k}`]),
    group: 'edit',
    predicate: hasSelection,
    repeatable: true,
    perform: (ctx) => {
      const step = stepFor(ctx, NUDGE_STEP, NUDGE_STEP_LARGE);
      return patchSelection(ctx, (c) => {
        const [dx, dy, dz] = dir(c);
        return { center: [c.center[0] + dx * step, c.center[1] + dy * step, c.center[2] + dz * step] };
      });
    },
  };
}

/**
 * Arrow-key nudges of the selected boxes, 0.1 m (shift: 0.5 m); quick repeats of one key are one
 * undo step (`Action.repeatable`).
 * - Arrows: LiDAR frame in the bird's-eye view, which shows +x (forward) up and +y (left) left:
 *   ↑ +x, ↓ −x, ← +y, → −y.
 * - Ctrl+arrows: the box's own frame: ↑ forward along its heading, ↓ back, ← its left, → its right.
 * - Alt+↑/↓: up and down (z).
 */
export const nudgeActions: Action[] = [
  nudge('nudgeForward', 'Move +x (forward)', ['ArrowUp'], () => [1, 0, 0]),
  nudge('nudgeBack', 'Move −x (back)', ['ArrowDown'], () => [-1, 0, 0]),
  nudge('nudgeLeft', 'Move +y (left)', ['ArrowLeft'], () => [0, 1, 0]),
  nudge('nudgeRight', 'Move −y (right)', ['ArrowRight'], () => [0, -1, 0]),
  nudge('nudgeAlongHeading', 'Move along heading', ['ctrl+ArrowUp'], (c) => [Math.cos(c.yaw), Math.sin(c.yaw), 0]),
  nudge('nudgeAgainstHeading', 'Move against heading', ['ctrl+ArrowDown'], (c) => [-Math.cos(c.yaw), -Math.sin(c.yaw), 0]),
  nudge('nudgeBoxLeft', "Move to the box's left", ['ctrl+ArrowLeft'], (c) => [-Math.sin(c.yaw), Math.cos(c.yaw), 0]),
  nudge('nudgeBoxRight', "Move to the box's right", ['ctrl+ArrowRight'], (c) => [Math.sin(c.yaw), -Math.cos(c.yaw), 0]),
  nudge('nudgeUp', 'Move up (z)', ['alt+ArrowUp'], () => [0, 0, 1]),
  nudge('nudgeDown', 'Move down (z)', ['alt+ArrowDown'], () => [0, 0, -1]),
];
