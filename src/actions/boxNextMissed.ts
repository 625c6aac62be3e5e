import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { fitAtPoint } from '../tools/fit/fitAtPoint.ts';

/**
 * N: boxes the next object the checks think was missed (an unlabelled cluster of the open frame):
 * the same fit as a click on it, with no pointing, of the class that fits the cluster's size. A
 * number key changes its class; pressing N
 * again goes to the next one, since a boxed cluster leaves the list. The mouse-free flow is
 * N → 1–9 → N … → D (next frame).
 */
export const boxNextMissed: Action = {
  id: 'boxNextMissed',
  label: 'Box the next missed object the checks found',
  keys: ['n'],
  group: 'create',
  predicate: hasDoc,
  perform: async (ctx) => {
    const s = ctx.store.getState();
    if (s.checks.status === 'error') {
      s.showMessage(`The checks could not run on this frame (${s.checks.error ?? 'unknown error'}), so there is no list of missed objects.`, 'warning');
      return;
    }
    if (s.checks.frameId !== s.doc?.frameId || s.checks.status !== 'done') {
      s.showMessage('The checks are still running; press N again in a moment.', 'info');
      return;
    }
    const next = s.checks.results.find((r) => r.ruleId === 'unlabelledCluster' && r.location !== null && r.cuboidId === null);
    if (!next?.location) {
      s.showMessage('The checks found no missed object in this frame.', 'info');
      return;
    }
    await fitAtPoint(ctx.tools.ctx, next.location, next.suggestedLabel !== undefined ? { label: next.suggestedLabel } : {});
  },
};
