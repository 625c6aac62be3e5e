import { createStore } from 'zustand/vanilla';
import type { AppState } from './AppState.ts';
import { createFramesSlice } from './slices/framesSlice.ts';
import { createLoadSlice } from './slices/loadSlice.ts';
import { createViewSlice } from './slices/viewSlice.ts';

/** Builds a fresh vanilla store (one per page; tests build their own). */
export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createFramesSlice(...a),
    ...createLoadSlice(...a),
    ...createViewSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
