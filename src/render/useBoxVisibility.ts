import { useMemo } from 'react';
import { useAppStore } from './EditorContext.ts';
import { hiddenIdsOf, lockedIdsOf } from '../state/visibilitySelectors.ts';

/** The open frame's hidden and locked box ids (object list), recomputed when the boxes or the visibility change. */
export function useBoxVisibility(): { hidden: Set<string>; locked: Set<string> } {
  const doc = useAppStore((s) => s.doc);
  const visibility = useAppStore((s) => s.visibility);
  return useMemo(() => {
    const cuboids = doc?.cuboids ?? [];
    return { hidden: hiddenIdsOf(cuboids, visibility), locked: lockedIdsOf(cuboids, visibility) };
  }, [doc, visibility]);
}
