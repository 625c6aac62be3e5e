import type { AppState } from './AppState.ts';
import type { Cuboid } from '../domain/types.ts';

/**
 * Narrow reads of the store for the renderer, panels, tools and actions. Selectors that build
 * arrays return new arrays of the same cuboid objects: React callers wrap them in `useShallow`.
 */

/** The selected cuboids that exist in the document, in selection order. */
export function selectSelectedCuboids(state: AppState): Cuboid[] {
  const doc = state.doc;
  if (!doc) return [];
  const out: Cuboid[] = [];
  for (const id of state.selectedIds) {
    const c = doc.cuboids.find((x) => x.id === id);
    if (c) out.push(c);
  }
  return out;
}

/** The box the side/front/top detail views follow: the last selected one. */
export function selectPrimaryCuboid(state: AppState): Cuboid | null {
  const sel = selectSelectedCuboids(state);
  return sel.length > 0 ? sel[sel.length - 1] : null;
}

/**
 * What the renderer draws: committed boxes with drafts laid over them (a draft with the id of a
 * committed box replaces it; other drafts are boxes being created, appended).
 */
export function selectDisplayedCuboids(state: AppState): Cuboid[] {
  const committed = state.doc?.cuboids ?? [];
  const drafts = state.interaction.drafts;
  if (drafts.length === 0) return committed;
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const out = committed.map((c) => byId.get(c.id) ?? c);
  const committedIds = new Set(committed.map((c) => c.id));
  for (const d of drafts) if (!committedIds.has(d.id)) out.push(d);
  return out;
}

/** True while a tool is in the middle of a gesture (any state other than a tool's `idle`). */
export function selectIsInteracting(state: AppState): boolean {
  return !state.tool.path.endsWith('.idle');
}
