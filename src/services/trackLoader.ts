import type { AppStore } from '../state/createAppStore.ts';
import type { ApiClient } from '../io/apiClient.ts';
import { noteTrackIds } from '../domain/document/cuboidOps.ts';

/**
 * Reads the dataset's track index from the server in one request (`GET /api/tracks`) into the
 * store, one entry per frame of the frame list in its order (frames without tracked boxes get an
 * empty list): the track panel lists tracks with their frames, the trajectory view draws a track
 * across frames. The open frame's boxes are taken from the live document by the panel. A newer
 * load (another frame opened) wins over an older one.
 */
export function createTrackLoader(store: AppStore, api: ApiClient): { reload(): Promise<void> } {
  /** The request in flight. */
  let current: AbortController | null = null;
  return {
    async reload() {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      const { setTracks } = store.getState();
      setTracks({ status: 'loading', error: null });
      try {
        const index = await api.getTracks(controller.signal);
        const byFrame = new Map(index.map((f) => [f.frameId, f]));
        noteTrackIds(index.flatMap((f) => f.cuboids.map((c) => c.trackId)));
        const frames = store.getState().frames.map((f) => byFrame.get(f.id) ?? { frameId: f.id, revision: f.revision, cuboids: [] });
        if (current === controller) setTracks({ frames, status: 'done' });
      } catch (err) {
        if (controller.signal.aborted) return;
        setTracks({ status: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}
