import { updateCuboids } from '../domain/document/cuboidOps.ts';
import { selectSelectedCuboids } from '../state/selectors.ts';
import type { Action, ActionContext, ActionResult } from './Action.ts';
import { errorText, hasNextFrame, plural, sequenceService, withTrackIds } from './sequenceHelpers.ts';
import { hasDoc } from './actionHelpers.ts';

/**
 * Carries the selected boxes (all boxes when none is selected) into the next `nFrames` frames:
 * each is tracked and re-fitted to each frame's points and saved there under its track id
 * (boxes the re-fit could not place keep the predicted box, marked `needsAttention`). Boxes
 * without a track id get one, written into the open frame too (one undo step). The open frame
 * stays open; a message sums up what happened.
 */
async function carryForward(ctx: ActionContext, nFrames: number): Promise<ActionResult> {
  const state = ctx.store.getState();
  // On the last frame there is nowhere to carry: say so (the key used to do nothing at all).
  if (!hasNextFrame(state)) {
    state.showMessage('This is the last frame: there is no frame after it to carry boxes to.', 'info');
    return;
  }
  const service = sequenceService(ctx);
  if (!service) return;
  const doc = state.doc!;
  const frameId = doc.frameId;
  const selected = selectSelectedCuboids(state);
  const sources = selected.length > 0 ? selected : doc.cuboids;
  if (sources.length === 0) {
    state.showMessage('No boxes to carry forward.', 'info');
    return;
  }
  const { boxes, patches } = withTrackIds(sources);
  const trackIds: ActionResult = { docChange: (d) => (d.frameId === frameId ? updateCuboids(d, patches) : d) };
  const left = state.frames.length - 1 - state.frames.findIndex((f) => f.id === frameId);
  state.showMessage(`Carrying ${plural(boxes.length, 'box')} forward over ${plural(Math.min(nFrames, left), 'frame')}…`, 'info');
  try {
    const steps = await service.propagate(frameId, boxes, nFrames, { lockSize: state.sequence.lockSize });
    const statuses = steps.flatMap((s) => s.statuses);
    const fitted = statuses.filter((s) => s === 'fitted').length;
    const attention = statuses.filter((s) => s === 'low_points' || s === 'lost').length;
    const kept = statuses.filter((s) => s === 'keyframe').length;
    const matched = statuses.filter((s) => s === 'matched').length;
    const frames = steps.length === 1 ? `frame ${steps[0].frameId}` : `frames ${steps[0]?.frameId}–${steps[steps.length - 1]?.frameId}`;
    const parts = [`${fitted} fitted`];
    if (attention > 0) parts.push(`${attention} need${attention === 1 ? 's' : ''} attention (too few points)`);
    if (kept > 0) parts.push(`${plural(kept, 'keyframe')} kept`);
    const resized = state.sequence.lockSize ? ', at the locked size' : '';
    // Fewer frames than asked: the sequence ends (or its next frame is of another sequence).
    const short = steps.length > 0 && steps.length < nFrames ? ` (${plural(steps.length, 'frame')} of the ${nFrames} asked: the sequence ends there)` : '';
    if (matched > 0)
      parts.push(
        matched === 1 ? `1 already boxed (that box joined the track${resized})` : `${matched} already boxed (those boxes joined their tracks${resized})`,
      );
    ctx.store
      .getState()
      .showMessage(
        steps.length === 0 ? 'No frame after this one.' : `Carried ${plural(boxes.length, 'box')} to ${frames}${short}: ${parts.join(', ')}.`,
        attention > 0 ? 'warning' : 'info',
      );
  } catch (err) {
    ctx.store.getState().showMessage(`Propagation failed: ${errorText(err)}`, 'error');
  }
  // The tracks panel shows the frames the boxes went to.
  if (ctx.store.getState().tracks.panelOpen) void ctx.services.tracks?.reload();
  // Track ids are written back even after a failure: frames saved before it carry them.
  return trackIds;
}

/** C: copy the selected boxes (or all) to the next frame, re-fitted there, with the same track ids. */
export const copyToNextFrame: Action = {
  id: 'copyToNextFrame',
  label: 'Copy boxes to the next frame (re-fitted)',
  keys: ['c'],
  group: 'frames',
  predicate: hasDoc,
  perform: (ctx) => carryForward(ctx, 1),
};

/** Shift+C: the same over the next N frames (N = `sequence.propagateFrames`, default 5). */
export const propagateForward: Action = {
  id: 'propagateForward',
  label: (s) => `Propagate boxes forward ${s.sequence.propagateFrames} frames`,
  keys: ['shift+c'],
  group: 'frames',
  predicate: hasDoc,
  perform: (ctx) => carryForward(ctx, ctx.store.getState().sequence.propagateFrames),
};
