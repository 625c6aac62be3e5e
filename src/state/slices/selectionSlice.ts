import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';

/** Which boxes are selected and hovered. Not in the undo history. */
export interface SelectionSlice {
  /** Selected cuboid ids, in selection order (the last one is the "primary" box the side views follow). */
  selectedIds: string[];
  hoveredId: string | null;
  select: (ids: readonly string[]) => void;
  /** Adds `id` to the selection, or removes it if already selected (shift-click). */
  toggleSelected: (id: string) => void;
  clearSelection: () => void;
  setHovered: (id: string | null) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selectedIds: [],
  hoveredId: null,
  select: (ids) => {
    const cur = get().selectedIds;
    if (cur.length === ids.length && cur.every((id, i) => id === ids[i])) return;
    set({ selectedIds: [...new Set(ids)] });
  },
  toggleSelected: (id) =>
    set((s) => ({
      selectedIds: s.selectedIds.includes(id) ? s.selectedIds.filter((x) => x !== id) : [...s.selectedIds, id],
    })),
  clearSelection: () => {
    if (get().selectedIds.length > 0) set({ selectedIds: [] });
  },
  setHovered: (hoveredId) => {
    if (get().hoveredId !== hoveredId) set({ hoveredId });
  },
});
