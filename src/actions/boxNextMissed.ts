import type { Action } from './Action.ts';
import type { EdgeCaseDictionary } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import { objectKind } from '../domain/checks/rules/missedObjectKind.ts';
import { hasDoc } from './actionHelpers.ts';
import { dismissalsOf, withoutDismissed } from '../domain/document/dismissals.ts';
import { fitAtPoint } from '../tools/fit/fitAtPoint.ts';
import { findingFit } from './findingFit.ts';
import { placeTrackBox } from './placeTrackBox.ts';
import { trackName } from '../domain/sequence/trackName.ts';

/**
 * N: boxes the nearest object the checks think was missed (an unlabelled cluster of the open
 * frame reported as an error or a warning, whose suggested class is a vehicle or a person): the
 * same fit as a click on it, with no pointing, of the class that fits the cluster's size. A
 * number key changes its class; pressing N
 * again goes to the next one, since a boxed cluster leaves the list. Places marked "not an object"
 * are skipped; X right after N (or the notice's button) removes the box and marks the place so.
 * A track gap (`trackGap`, an error or a warning: a track boxed in the frames around and not here)
 * is on the same list; N places that track's box where the frames around put it, with its id.
 * The view frames the new box, as F does. The mouse-free flow is N → 1–9 (or X) → N … → D (next frame).
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
    // Only likely vehicles and people (errors and warnings whose suggested class is one; infos are
    // left to the checks panel), the nearest first: a sweep outwards. Places marked "not an
    // object" are skipped even before the checks have re-run without them.
    const missed = withoutDismissed(s.checks.results, dismissalsOf(s.doc))
      .filter(
        (r) =>
          (r.ruleId === 'unlabelledCluster' || r.ruleId === 'trackGap') &&
          r.location !== null &&
          r.cuboidId === null &&
          r.severity !== 'info' &&
          vehicleOrPerson(s.dictionary, r.suggestedLabel),
      )
      .sort((a, b) => reach(a) - reach(b));
    const next = missed[0];
    if (!next?.location) {
      // Low-confidence candidates (infos, or classes that are neither vehicles nor people) stay in
      // the checks panel; say they are there rather than that there is nothing.
      const unsure = withoutDismissed(s.checks.results, dismissalsOf(s.doc)).filter((r) => r.ruleId === 'unlabelledCluster' && r.cuboidId === null).length;
      s.showMessage(
        unsure === 0
          ? 'The checks found no missed object in this frame.'
          : `No likely missed vehicle or person in this frame; ${unsure} low-confidence ${unsure === 1 ? 'candidate is' : 'candidates are'} listed in the checks panel.`,
        'info',
      );
      return;
    }
    const left = missed.length - 1;
    const more = left === 0 ? 'no other missed object listed' : `${left} more listed`;
    if (next.track !== undefined) {
      if (placeTrackBox(ctx.tools.ctx, next) === null) return;
      // Up close, as F would frame it: the box is to be checked against its points.
      ctx.store.getState().requestFraming();
      s.showMessage(
        `Placed ${trackName(next.track.trackId)}'s ${next.suggestedLabel ?? ''} box where the frames around put it; ${more}. Adjust it to its points.`,
        'info',
      );
      return;
    }
    const id = await fitAtPoint(ctx.tools.ctx, next.location, findingFit(next));
    if (id === null) return;
    const box = ctx.store.getState().doc?.cuboids.find((c) => c.id === id);
    const finding = {
      location: next.location,
      ...(next.suggestedLabel !== undefined ? { suggestedLabel: next.suggestedLabel } : {}),
      ...(next.radius !== undefined ? { radius: next.radius } : {}),
      boxId: id,
    };
    const frameId = ctx.store.getState().doc?.frameId;
    if (frameId !== undefined) ctx.store.getState().focusFinding({ frameId, ...finding });
    // Up close, as F would frame it (a far car was a speck in the street view): the fit is to be checked.
    ctx.store.getState().requestFraming();
    // Where the new box is, not where its returns were found.
    const at = box?.center ?? next.location;
    ctx.store
      .getState()
      .showMessage(
        `Boxed a ${box?.label ?? 'box'} at (${at[0].toFixed(1)}, ${at[1].toFixed(1)}); ${more}. A number key changes its class; X if it is not an object.`,
        'info',
        { label: 'Not an object', actionId: 'dismissFinding', value: finding },
      );
  },
};

/** Whether the dictionary's class `label` is a vehicle or a person (`objectKind`). */
function vehicleOrPerson(dictionary: EdgeCaseDictionary, label: string | undefined): boolean {
  const rule = label !== undefined ? dictionary.classes[label] : undefined;
  return rule !== undefined && objectKind(rule) !== 'other';
}

function reach(r: { location: [number, number, number] | null }): number {
  return r.location === null ? Infinity : Math.hypot(r.location[0], r.location[1]);
}
