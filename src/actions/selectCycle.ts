import type { Action } from './Action.ts';
import type { AppState } from '../state/AppState.ts';
import type { ActionContext } from './Action.ts';

function step(ctx: ActionContext, dir: 1 | -1): void {
  const s = ctx.store.getState();
  const boxes = s.doc!.cuboids;
  const primary = s.selectedIds[s.selectedIds.length - 1];
  const i = boxes.findIndex((c) => c.id === primary);
  const next = i < 0 ? (dir > 0 ? 0 : boxes.length - 1) : (i + dir + boxes.length) % boxes.length;
  s.select([boxes[next].id]);
}

const hasBoxes = (s: AppState) => (s.doc?.cuboids.length ?? 0) > 0;

/** Tab / shift+Tab: select the next / previous box in document order (wrapping). */
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

/** Ctrl+A: select every box of the frame. */
export const selectAll: Action = {
  id: 'selectAll',
  label: 'Select all boxes',
  keys: ['ctrl+a'],
  group: 'selection',
  predicate: hasBoxes,
  perform: (ctx) => ctx.store.getState().select(ctx.store.getState().doc!.cuboids.map((c) => c.id)),
};
