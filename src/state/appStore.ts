import { useStore } from 'zustand';
import { createAppStore } from './createAppStore.ts';
import type { AppState } from './AppState.ts';

/** The page's store. Tools and io use it directly; React reads it through `useAppStore(selector)`. */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
