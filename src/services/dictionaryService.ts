import type { EdgeCase } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { ApiError, type ApiClient } from '../io/apiClient.ts';

/** The SOP (edge-case dictionary): one copy, the checks slice's `dictionary`. */
export interface DictionaryService {
  /**
   * A lead's edit of the SOP: adds or replaces an edge-case entry (or removes one) and saves the
   * whole dictionary on top of the version it was based on; the server bumps the version. A
   * concurrent edit (409) reloads the server's dictionary and reports it, nothing is overwritten.
   */
  saveEdgeCase(entry: EdgeCase | null, removeId?: string): Promise<boolean>;
}

export function createDictionaryService(store: AppStore, api: ApiClient): DictionaryService {
  return {
    async saveEdgeCase(entry, removeId) {
      const s = store.getState();
      // Loaded on a lead's first edit: the edit validates with the dictionary schema (zod), kept out of the main chunk.
      const { removeEdgeCase, upsertEdgeCase } = await import('../domain/checks/dictionary/editDictionary.ts');
      let next = s.dictionary;
      if (removeId) next = removeEdgeCase(next, removeId);
      if (entry) next = upsertEdgeCase(next, entry);
      try {
        // The edit helpers bump the version locally; the server wants the version the edit is based on.
        const { dictionary } = await api.saveDictionary({ ...next, version: s.dictionary.version });
        store.getState().setDictionary(dictionary);
        store.getState().showMessage(`Rules saved as version ${dictionary.version}.`, 'info');
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          const { dictionary } = await api.getDictionary();
          store.getState().setDictionary(dictionary);
          store.getState().showMessage('Someone changed the rules meanwhile: reloaded their version, edit again.', 'warning');
        } else {
          store.getState().showMessage(`Could not save the rules: ${err instanceof Error ? err.message : String(err)}`, 'error');
        }
        return false;
      }
    },
  };
}
