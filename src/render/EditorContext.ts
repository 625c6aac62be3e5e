import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { Editor } from '../actions/createEditor.ts';
import type { AppState, HistoryState } from '../state/AppState.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { Page } from '../services/createPage.ts';

/**
 * The page an editor renders (store, editor, services, engine), provided by `<CuboidEditor>`.
 * Every component reaches the store and the engine through it, never through a module: two
 * editors on one page each see their own.
 */
export const PageContext = createContext<Page | null>(null);

export function usePage(): Page {
  const page = useContext(PageContext);
  if (!page) throw new Error('usePage: no <CuboidEditor> (PageContext provider) above this component');
  return page;
}

/** The editor (store + tools + actions) of the enclosing `<CuboidEditor>`. */
export function useEditor(): Editor {
  return usePage().editor;
}

/** The store of the enclosing `<CuboidEditor>`, for handlers that read it once (`useStoreApi().getState()`). */
export function useStoreApi(): AppStore {
  return usePage().store;
}

/** Reads the enclosing editor's store, e.g. `useAppStore((s) => s.currentFrameId)`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(usePage().store, selector);
}

/** Reads the undo history store, e.g. `useHistory((h) => h.pastStates.length > 0)` for "can undo". */
export function useHistory<T>(selector: (state: TemporalState<HistoryState>) => T): T {
  return useStore(usePage().store.temporal, selector);
}
