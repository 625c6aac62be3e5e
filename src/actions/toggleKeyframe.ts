import { KEYFRAME_ATTRIBUTE, NEEDS_ATTENTION_ATTRIBUTE, isKeyframe } from '../domain/sequence/trackAttributes.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';
import type { Action } from './Action.ts';
import { hasSelection, patchSelection } from './actionHelpers.ts';
import { selectSelectedCuboids } from '../state/selectors.ts';

/**
 * K: marks the selected boxes as keyframes of their tracks (the annotator fixed them; propagation
 * never overwrites them and interpolation runs between them), or unmarks them. Every selected
 * box follows the primary box, so a mixed selection converges. Marking clears `needsAttention`.
 * A message says what happened (the mark shows nowhere else until the next propagation).
 */
export const toggleKeyframe: Action = {
  id: 'toggleKeyframe',
  label: 'Toggle keyframe',
  keys: ['k'],
  group: 'attributes',
  predicate: hasSelection,
  perform: (ctx) => {
    const state = ctx.store.getState();
    const primary = selectPrimaryCuboid(state);
    const on = primary ? !isKeyframe(primary) : true;
    const n = selectSelectedCuboids(state).length;
    const boxes = n === 1 ? `${primary?.label ?? 'The'} box` : `${n} boxes`;
    state.showMessage(
      on
        ? `Keyframe: ${boxes} in frame ${state.doc?.frameId ?? ''} ${n === 1 ? 'is' : 'are'} fixed (Shift+C never overwrites ${n === 1 ? 'it' : 'them'}; I interpolates between keyframes). K again unmarks.`
        : `${boxes} ${n === 1 ? 'is' : 'are'} no longer a keyframe.`,
      'info',
    );
    return patchSelection(ctx, () => ({
      attributes: on ? { [KEYFRAME_ATTRIBUTE]: true, [NEEDS_ATTENTION_ATTRIBUTE]: false } : { [KEYFRAME_ATTRIBUTE]: false },
    }));
  },
};
