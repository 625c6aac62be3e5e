import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';

/** Most frames one "propagate forward" may cover. */
export const MAX_PROPAGATE_FRAMES = 100;

/** Settings of the sequence tools (propagation and interpolation). */
export interface SequenceSlice {
  sequence: {
    /** Frames "propagate forward" (Shift+C) carries boxes over. Default 5. */
    propagateFrames: number;
    /**
     * "Lock size across track": propagation keeps each track's size and interpolation gives the
     * frames between keyframes the track size. Default on.
     */
    lockSize: boolean;
  };
  /** Sets the propagation length (rounded, clamped to 1..MAX_PROPAGATE_FRAMES). */
  setPropagateFrames: (n: number) => void;
  setLockSize: (on: boolean) => void;
}

export const createSequenceSlice: StateCreator<AppState, [], [], SequenceSlice> = (set) => ({
  sequence: { propagateFrames: 5, lockSize: true },
  setPropagateFrames: (n) =>
    set((s) => ({
      sequence: {
        ...s.sequence,
        propagateFrames: Number.isFinite(n) ? Math.min(MAX_PROPAGATE_FRAMES, Math.max(1, Math.round(n))) : s.sequence.propagateFrames,
      },
    })),
  setLockSize: (lockSize) => set((s) => ({ sequence: { ...s.sequence, lockSize } })),
});
