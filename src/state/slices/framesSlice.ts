import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { FrameListItem } from '../../domain/document/FrameListItem.ts';

export interface FramesSlice {
  frames: FrameListItem[];
  framesError: string | null;
  currentFrameId: string | null;
  setFrames: (frames: FrameListItem[]) => void;
  setFramesError: (error: string | null) => void;
  setCurrentFrame: (id: string | null) => void;
}

export const createFramesSlice: StateCreator<AppState, [], [], FramesSlice> = (set) => ({
  frames: [],
  framesError: null,
  currentFrameId: null,
  setFrames: (frames) => set({ frames, framesError: null }),
  setFramesError: (framesError) => set({ framesError }),
  setCurrentFrame: (currentFrameId) => set({ currentFrameId }),
});
