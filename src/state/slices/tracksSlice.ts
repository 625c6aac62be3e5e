import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { Cuboid } from '../../domain/types.ts';

/** Every frame's boxes as last read from the server, for the track panel and trajectory view. */
export interface TracksSlice {
  tracks: {
    /** Frames in sequence order with their boxes (the open frame's come from `doc`). */
    frames: { frameId: string; revision: number; cuboids: Cuboid[] }[];
    status: 'idle' | 'loading' | 'done' | 'error';
    error: string | null;
    /** The track the user picked (its boxes are drawn across frames). */
    selectedTrackId: string | null;
    panelOpen: boolean;
  };
  setTracks: (patch: Partial<TracksSlice['tracks']>) => void;
}

export const createTracksSlice: StateCreator<AppState, [], [], TracksSlice> = (set) => ({
  tracks: { frames: [], status: 'idle', error: null, selectedTrackId: null, panelOpen: false },
  setTracks: (patch) => set((s) => ({ tracks: { ...s.tracks, ...patch } })),
});
