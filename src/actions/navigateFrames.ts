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
  const followed = s.doc?.cuboids.filter((c) => s.selectedIds.includes(c.id) && c.trackId !== null) ?? [];
  const tracks = new Set(followed.map((c) => c.trackId));
  await ctx.services.navigation.openFrame(target.id);
  const after = ctx.store.getState();
  if (tracks.size === 0 || after.doc?.frameId !== target.id) return;
  const same = after.doc.cuboids.filter((c) => c.trackId !== null && tracks.has(c.trackId));
  if (same.length === 0) return;
  after.select(same.map((c) => c.id));
  // The camera moves with the object, so it stays where it was on screen.
  const lead = same.find((c) => c.trackId === followed[0].trackId) ?? same[0];
  const from = followed.find((c) => c.trackId === lead.trackId) ?? followed[0];
  after.requestPan([lead.center[0] - from.center[0], lead.center[1] - from.center[1], lead.center[2] - from.center[2]]);
}

/**
 * D or PageDown / A or PageUp: open the next / previous frame of the frame list (the navigation
 * service is the app's `openFrame`; the autosave flushes the frame being left). Boxes of the
 * selected tracks stay selected there, and the main view slides with them.
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
