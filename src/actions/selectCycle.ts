import type { Action } from './Action.ts';
import type { AppState } from '../state/AppState.ts';
import type { ActionContext } from './Action.ts';
import { isBoxHidden, isBoxLocked } from '../state/visibilitySelectors.ts';

/** The boxes the viewport's keys may select: hidden and locked ones (object list) are skipped. */
function selectable(s: AppState) {
  return (s.doc?.cuboids ?? []).filter((c) => !isBoxHidden(s.visibility, c) && !isBoxLocked(s.visibility, c));
}

/** Says why the keys select nothing: every box of the frame is hidden or locked. */
function noneSelectable(s: AppState): void {
  s.showMessage(`Every box of this frame is hidden or locked: show or unlock them (object list, Visibility) to select them.`, 'info');
}

function step(ctx: ActionContext, dir: 1 | -1): void {
  const s = ctx.store.getState();
  const all = s.doc!.cuboids;
  const boxes = selectable(s);
  if (boxes.length === 0) {
    noneSelectable(s);
    return;
  }
  const primary = s.selectedIds[s.selectedIds.length - 1];
  // From a skipped box, the step starts at the nearest selectable one in document order.
  const at = all.findIndex((c) => c.id === primary);
  const i = at < 0 ? -1 : boxes.findIndex((c) => c.id === primary);
  if (i < 0 && at >= 0) {
    const after = boxes.findIndex((c) => all.indexOf(c) > at);
    const next = dir > 0 ? (after < 0 ? 0 : after) : (after < 0 ? boxes.length : after) - 1;
    s.select([boxes[(next + boxes.length) % boxes.length].id]);
    s.requestReveal();
    return;
  }
  const next = i < 0 ? (dir > 0 ? 0 : boxes.length - 1) : (i + dir + boxes.length) % boxes.length;
  s.select([boxes[next].id]);
  // A box behind the camera or off screen is brought into view (the view slides; zoom kept).
  s.requestReveal();
}

const hasBoxes = (s: AppState) => (s.doc?.cuboids.length ?? 0) > 0;

/**
 * Tab / shift+Tab: select the next / previous box in document order (wrapping; hidden and locked
 * boxes skipped), and slide the main view onto it when it is off screen.
 */
export const selectNext: Action = {
  id: 'selectNext',
  label: 'Select next box',
  keys: ['Tab'],
  group: 'selection',
  predicate: hasBoxes,
  perform: (ctx) => step(ctx, 1),
};

export const selectPrev: Action = {
  id: 'selectPrev',
  label: 'Select previous box',
  keys: ['shift+Tab'],
  group: 'selection',
  predicate: hasBoxes,
  perform: (ctx) => step(ctx, -1),
};

/** Ctrl+A: select every box of the frame (but hidden and locked ones). */
export const selectAll: Action = {
  id: 'selectAll',
  label: 'Select all boxes',
  keys: ['ctrl+a'],
  group: 'selection',
  predicate: hasBoxes,
  perform: (ctx) => {
    const s = ctx.store.getState();
    const boxes = selectable(s);
    if (boxes.length === 0) noneSelectable(s);
    else s.select(boxes.map((c) => c.id));
  },
};
