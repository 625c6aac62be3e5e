import type { ApiClient } from '../../src/io/apiClient.ts';
import { FrameCache } from '../../src/io/frameCache.ts';
import { createGroundCache } from '../../src/io/groundCache.ts';
import { MergedClouds } from '../../src/io/mergedClouds.ts';
import type { PageIo } from '../../src/services/pageIo.ts';
import { createPage, type Page } from '../../src/services/createPage.ts';
import type { AppStore } from '../../src/state/createAppStore.ts';

/** Storage in memory, for a page's journal. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

/**
 * A page over a fake engine: `api` answers only what the test gives it (anything else throws, naming
 * the call); there are no workers and no point streams.
 */
export function testPage(api: Partial<ApiClient>, store?: AppStore): Page {
  const missing = (name: string) => () => {
    throw new Error(`testPage: the fake engine has no ${name}`);
  };
  const fakeApi = new Proxy(api, {
    get: (target, key) => (key in target ? Reflect.get(target, key) : missing(`api.${String(key)}`)),
  }) as ApiClient;
  const io: PageIo = {
    api: fakeApi,
    worker: missing('point-cloud worker'),
    checksWorker: missing('checks worker'),
    mergeWorker: missing('merge worker'),
    mergedClouds: new MergedClouds(),
    frameCache: new FrameCache(),
    groundCache: createGroundCache(missing('point-cloud worker')),
    requestFrame: missing('point stream'),
    detachProgress: () => undefined,
    storage: memoryStorage(),
  };
  return createPage(io, store ? { store } : {});
}
