import { updateCuboids } from '../domain/document/cuboidOps.ts';
import type { CuboidPatch } from '../domain/document/cuboidOps.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';
import type { Action, ActionResult } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { errorText, plural } from './sequenceHelpers.ts';

/**
 * L: turns "lock size across track" on or off. On: propagation keeps each track's size and
 * interpolation gives the frames between keyframes the track size. Turning it on with a box
 * selected (and a sequence service) also gives every box of that track, in every frame, the
 * selected box's size (bottoms kept); the open frame's boxes change as one undo step.
 */
export const toggleLockSize: Action = {
  id: 'toggleLockSize',
  label: (s) => `Lock size across track (now ${s.sequence.lockSize ? 'on' : 'off'}; L turns it ${s.sequence.lockSize ? 'off' : 'on'})`,
  keys: ['l'],
  group: 'frames',
  predicate: hasDoc,
  perform: async (ctx): Promise<ActionResult> => {
    const state = ctx.store.getState();
    const on = !state.sequence.lockSize;
    state.setLockSize(on);
    const box = selectPrimaryCuboid(state);
    const service = ctx.services.sequence;
    if (!on || !box || box.trackId === null || !service) {
      state.showMessage(`Lock size across track: ${on ? 'on' : 'off'}.`, 'info');
      return;
    }
    const doc = state.doc!;
    try {
      const r = await service.lockTrackSize(box.trackId, box.size, doc);
      const [l, w, h] = box.size.map((v) => v.toFixed(2));
      ctx.store
        .getState()
        .showMessage(
          `Lock size across track: on. Track resized to ${l} × ${w} × ${h} m in ${plural(r.savedFrameIds.length + (r.current.length > 0 ? 1 : 0), 'frame')}.`,
          'info',
        );
      const patches: Record<string, CuboidPatch> = {};
      for (const c of r.current) patches[c.id] = { center: c.center, size: c.size };
      return { docChange: (d) => (d.frameId === doc.frameId ? updateCuboids(d, patches) : d) };
    } catch (err) {
      ctx.store.getState().showMessage(`Lock size across track failed: ${errorText(err)}`, 'error');
    }
  },
};
