import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { eventPoint } from '../tools/toolHelpers.ts';

/**
 * Shift+F (a reviewer): the point under the cursor becomes the place of a missed-object flag. No
 * box stays selected, so the flag form asks for the reason of a flag at that place.
 */
export const flagAtCursor: Action = {
  id: 'flagAtCursor',
  label: 'Flag a missed object at the cursor',
  keys: ['shift+f'],
  group: 'review',
  predicate: (s) => hasDoc(s) && s.review.info?.can.flag === true,
  perform: (ctx) => {
    const s = ctx.store.getState();
    const last = ctx.tools.lastPointer;
    if (!last || (last.view !== 'main' && last.view !== 'top')) {
      s.showMessage('Point at the missed object in the 3D or top view, then press Shift+F.', 'warning');
      return;
    }
    const at = eventPoint(last);
    s.clearSelection();
    s.setReview({ flagAt: { frameId: s.doc!.frameId, at: [at[0], at[1], at[2]] } });
    s.showMessage(`Flag at (${at.map((v) => v.toFixed(1)).join(', ')}): choose its reason in the review panel and add it.`, 'info');
  },
};
