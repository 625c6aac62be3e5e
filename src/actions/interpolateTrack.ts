import { mergeTrackBoxes } from '../domain/sequence/mergeTrackBoxes.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';
import type { Action, ActionResult } from './Action.ts';
import { hasSelection } from './actionHelpers.ts';
import { errorText, plural, sequenceService } from './sequenceHelpers.ts';

/**
 * I: interpolates the selected box's track between its nearest keyframes before and after the
 * open frame (on a keyframe: on both sides of it). Frames between get boxes with position
 * interpolated linearly and yaw along the shortest turn; the track size when "lock size across
 * track" is on (default), else sizes interpolated too. Keyframes are never changed. The open
 * frame's box changes as one undo step; other frames are saved.
 */
export const interpolateTrack: Action = {
  id: 'interpolateTrack',
  label: 'Interpolate track between keyframes',
  keys: ['i'],
  group: 'frames',
  predicate: (s) => hasSelection(s) && (selectPrimaryCuboid(s)?.trackId ?? null) !== null,
  perform: async (ctx): Promise<ActionResult> => {
    const service = sequenceService(ctx);
    if (!service) return;
    const state = ctx.store.getState();
    const box = selectPrimaryCuboid(state)!;
    const trackId = box.trackId as string;
    const doc = state.doc!;
    try {
      const r = await service.interpolate(trackId, doc, { size: state.sequence.lockSize ? 'lock' : 'interpolate' });
      const msg = ctx.store.getState().showMessage;
      if (r.segments.length === 0) {
        msg('Mark keyframes (K) on this track before and after this frame first.', 'info');
        return;
      }
      const frames = r.savedFrameIds.length + r.current.length;
      const span = r.segments.map(([a, b]) => `${a}–${b}`).join(' and ');
      msg(`Interpolated ${plural(frames, 'frame')} between keyframes ${span}.`, 'info');
      if (ctx.store.getState().tracks.panelOpen) void ctx.services.tracks?.reload();
      if (r.current.length === 0) return;
      return { docChange: (d) => (d.frameId === doc.frameId ? mergeTrackBoxes(d, r.current).doc : d) };
    } catch (err) {
      ctx.store.getState().showMessage(`Interpolation failed: ${errorText(err)}`, 'error');
    }
  },
};
