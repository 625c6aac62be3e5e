import type { Action, ActionContext } from './Action.ts';
import type { AppState } from '../state/AppState.ts';

function currentIndex(s: AppState): number {
  const id = s.currentFrameId ?? s.doc?.frameId ?? null;
  return id === null ? -1 : s.frames.findIndex((f) => f.id === id);
}

async function go(ctx: ActionContext, dir: 1 | -1): Promise<void> {
  const s = ctx.store.getState();
  const i = currentIndex(s);
  const target = i < 0 ? s.frames[0] : s.frames[i + dir];
  if (!target) {
    s.showMessage(dir > 0 ? 'This is the last frame.' : 'This is the first frame.', 'info');
    return;
  }
  // Following an object through the sequence: its track stays selected in the next frame.
  const tracks = new Set(s.doc?.cuboids.filter((c) => s.selectedIds.includes(c.id) && c.trackId !== null).map((c) => c.trackId));
  await ctx.services.navigation.openFrame(target.id);
  const after = ctx.store.getState();
  if (tracks.size === 0 || after.doc?.frameId !== target.id) return;
  const same = after.doc.cuboids.filter((c) => c.trackId !== null && tracks.has(c.trackId)).map((c) => c.id);
  if (same.length > 0) after.select(same);
}

/**
 * D or PageDown / A or PageUp: open the next / previous frame of the frame list (the navigation
 * service is the app's `openFrame`; the autosave flushes the frame being left). Boxes of the
 * selected tracks stay selected there.
 */
export const nextFrame: Action = {
  id: 'nextFrame',
  label: 'Next frame',
  keys: ['d', 'PageDown'],
  group: 'frames',
  predicate: (s) => s.frames.length > 0,
  perform: (ctx) => go(ctx, 1),
};

export const prevFrame: Action = {
  id: 'prevFrame',
  label: 'Previous frame',
  keys: ['a', 'PageUp'],
  group: 'frames',
  predicate: (s) => s.frames.length > 0,
  perform: (ctx) => go(ctx, -1),
};
