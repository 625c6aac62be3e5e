import { KEYFRAME_ATTRIBUTE, NEEDS_ATTENTION_ATTRIBUTE, isKeyframe } from '../domain/sequence/trackAttributes.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';
import type { Action } from './Action.ts';
import { hasSelection, patchSelection } from './actionHelpers.ts';

/**
 * K: marks the selected boxes as keyframes of their tracks (the annotator fixed them; propagation
 * never overwrites them and interpolation runs between them), or unmarks them. Every selected
 * box follows the primary box, so a mixed selection converges. Marking clears `needsAttention`.
 */
export const toggleKeyframe: Action = {
  id: 'toggleKeyframe',
  label: 'Toggle keyframe',
  keys: ['k'],
  group: 'attributes',
  predicate: hasSelection,
  perform: (ctx) => {
    const primary = selectPrimaryCuboid(ctx.store.getState());
    const on = primary ? !isKeyframe(primary) : true;
    return patchSelection(ctx, () => ({ attributes: on ? { [KEYFRAME_ATTRIBUTE]: true, [NEEDS_ATTENTION_ATTRIBUTE]: false } : { [KEYFRAME_ATTRIBUTE]: false } }));
  },
};
