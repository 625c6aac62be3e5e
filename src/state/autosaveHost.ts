import type { AppStore } from './createAppStore.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { SaveState } from './slices/saveSlice.ts';
import type { MessageLevel } from './slices/uiSlice.ts';

/**
 * The store seen through the autosave's `AutosaveHost` interface (`io/autosave.ts`; the shapes
 * match structurally, so `state` need not import `io`). An "edit" is any change of `doc` that is
 * not a `loadDoc`: tool commits, actions, undo and redo.
 *
 * @example
 * const autosave = createAutosave({ host: createStoreAutosaveHost(appStore), target: api, journal });
 */
export function createStoreAutosaveHost(store: AppStore) {
  return {
    getDoc: (): FrameAnnotation | null => store.getState().doc,
    loadDoc: (doc: FrameAnnotation): void => store.getState().loadDoc(doc),
    subscribeEdits: (listener: (doc: FrameAnnotation) => void): (() => void) =>
      store.subscribe((s, prev) => {
        if (s.doc !== prev.doc && s.docLoadCount === prev.docLoadCount && s.doc !== null) listener(s.doc);
      }),
    setStatus: (patch: Partial<SaveState>): void => store.getState().setSave(patch),
    notify: (text: string, level: MessageLevel): void => store.getState().showMessage(text, level),
  };
}
