import type { AppState } from './AppState.ts';
import type { Cuboid } from '../domain/types.ts';
import type { CheckResult } from '../domain/checks/CheckResult.ts';
import { dismissalsOf, isDismissableFinding, withoutDismissed } from '../domain/document/dismissals.ts';
import type { FocusedFinding } from './slices/checksSlice.ts';

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

/** Place findings nearer than this to a focused place are the same finding, metres (results move slightly between runs). */
const SAME_PLACE = 0.5;

/**
 * The open frame's check results without the missed-object findings in places marked "not an
 * object" (the checks leave those out too; this also hides them before the checks have re-run).
 * Returns a new array: React callers memoise on `checks.results` and `doc.dismissals`.
 */
export function selectVisibleCheckResults(state: AppState): CheckResult[] {
  return withoutDismissed(state.checks.results, dismissalsOf(state.doc));
}

/**
 * The focused missed-object finding when it still stands on the open frame (listed by the checks
 * and not dismissed), or null. A finding `N` boxed counts while its box exists.
 */
export function selectFocusedFinding(state: AppState): FocusedFinding | null {
  const f = state.focusedFinding;
  const doc = state.doc;
  if (f === null || doc === null || f.frameId !== doc.frameId) return null;
  if (f.boxId !== undefined && doc.cuboids.some((c) => c.id === f.boxId)) return f;
  const listed = selectVisibleCheckResults(state).some(
    (r) => isDismissableFinding(r) && Math.hypot(r.location[0] - f.location[0], r.location[1] - f.location[1]) < SAME_PLACE,
  );
  return listed ? f : null;
}

/**
 * Whether merged sweeps are what the view draws (the merge on screen, or the last one kept while
 * the next loads): they are coloured by height, or by sweep time, whatever the colour menu says.
 */
export function selectMergedShown(state: AppState): boolean {
  return (state.merge.key !== null && state.merge.onScreen) || state.merge.stale !== null;
}
