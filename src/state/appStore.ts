import { useStore } from 'zustand';
import { createAppStore } from './createAppStore.ts';
import type { AppState, HistoryState } from './AppState.ts';
import type { TemporalState } from 'zundo';

/** The page's store. Tools and io use it directly; React reads it through `useAppStore(selector)`. */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Reads the undo history store, e.g. `useHistory((h) => h.pastStates.length > 0)` for "can undo". */
export function useHistory<T>(selector: (state: TemporalState<HistoryState>) => T): T {
  return useStore(appStore.temporal, selector);
}
