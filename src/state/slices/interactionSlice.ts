import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { Cuboid } from '../../domain/types.ts';
import type { CuboidShape } from '../../domain/geometry/CuboidShape.ts';

/** What a fit returned besides the box, kept so that `cycleHeading` can step through it. */
export interface FitHint {
  /** Candidate yaws (radians) the fit considered, best first. */
  candidates: number[];
  /** Index into `candidates` of the heading the box has now. */
  index: number;
  /** The point (LiDAR frame, metres) and prior the fit was asked with; heading cycling asks the same way. */
  seed: [number, number, number];
  prior: CuboidShape | null;
  /** The class the box was fitted as: a box relabelled since is refitted as its new class, not at its old size (R). */
  label?: string;
}

export interface InteractionState {
  /**
   * Boxes being dragged or drawn, never in the undo history. A draft with the id of a committed
   * box replaces it on screen; a draft with a new id is a box being created. The renderer draws
   * `selectDisplayedCuboids(state)`.
   */
  drafts: Cuboid[];
  /** Fits requested and not yet answered (the UI may show a spinner). */
  pendingFits: number;
  /** Per-cuboid fit results, for heading cycling. */
  fitHints: Record<string, FitHint>;
}

export interface InteractionSlice {
  interaction: InteractionState;
  setDrafts: (drafts: Cuboid[]) => void;
  clearDrafts: () => void;
  setFitHint: (id: string, hint: FitHint | null) => void;
  /** +1 when a fit starts, −1 when it settles. */
  addPendingFits: (delta: number) => void;
}

export const createInteractionSlice: StateCreator<AppState, [], [], InteractionSlice> = (set, get) => ({
  interaction: { drafts: [], pendingFits: 0, fitHints: {} },
  setDrafts: (drafts) => set((s) => ({ interaction: { ...s.interaction, drafts } })),
  clearDrafts: () => {
    if (get().interaction.drafts.length > 0) set((s) => ({ interaction: { ...s.interaction, drafts: [] } }));
  },
  setFitHint: (id, hint) =>
    set((s) => {
      const fitHints = { ...s.interaction.fitHints };
      if (hint) fitHints[id] = hint;
      else delete fitHints[id];
      return { interaction: { ...s.interaction, fitHints } };
    }),
  addPendingFits: (delta) => set((s) => ({ interaction: { ...s.interaction, pendingFits: Math.max(0, s.interaction.pendingFits + delta) } })),
});
