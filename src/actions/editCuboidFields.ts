import { updateCuboid } from '../domain/document/cuboidOps.ts';
import type { CuboidPatch } from '../domain/document/cuboidOps.ts';
import type { AppStore } from '../state/createAppStore.ts';

/**
 * The inspector's numeric and attribute edits: patches one box as one undo step.
 * Returns false when no frame is open or the box no longer exists.
 */
export function editCuboidFields(store: AppStore, id: string, patch: CuboidPatch): boolean {
  const state = store.getState();
  if (!state.doc?.cuboids.some((c) => c.id === id)) return false;
  return state.applyDocChange((doc) => updateCuboid(doc, id, patch));
}
