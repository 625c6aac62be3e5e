import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { fitAtPoint } from '../tools/fit/fitAtPoint.ts';
import { eventPoint } from '../tools/toolHelpers.ts';

/**
 * Space: fits a box at the point under the pointer (the last pointer position the renderer
 * reported, in any view) without clicking; shift+Space places a class-default box there instead.
 * The keyboard-first flow is Space → 1–9 (class) → D (next frame).
 */
export const fitAtCursor: Action = {
  id: 'fitAtCursor',
  label: 'Fit a box at the cursor',
  keys: ['Space', 'shift+Space'],
  group: 'create',
  predicate: hasDoc,
  perform: async (ctx) => {
    const last = ctx.tools.lastPointer;
    if (!last) {
      ctx.store.getState().showMessage('Point at an object first, then press Space.', 'warning');
      return;
    }
    await fitAtPoint(ctx.tools.ctx, eventPoint(last), { withoutFit: ctx.input?.shiftKey === true });
  },
};
