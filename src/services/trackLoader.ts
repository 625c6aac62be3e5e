import { appStore } from '../state/appStore.ts';
import { api } from '../io/apiClient.ts';

/** The request in flight, so a newer load (another frame opened) wins over an older one. */
let current: AbortController | null = null;

/**
 * Reads the dataset's track index from the server in one request (`GET /api/tracks`) into the
 * store, one entry per frame of the frame list in its order (frames without tracked boxes get an
 * empty list): the track panel lists tracks with their frames, the trajectory view draws a track
 * across frames. The open frame's boxes are taken from the live document by the panel.
 */
export async function loadTracks(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const { setTracks } = appStore.getState();
  setTracks({ status: 'loading', error: null });
  try {
    const index = await api.getTracks(controller.signal);
    const byFrame = new Map(index.map((f) => [f.frameId, f]));
    const frames = appStore.getState().frames.map((f) => byFrame.get(f.id) ?? { frameId: f.id, revision: f.revision, cuboids: [] });
    if (current === controller) setTracks({ frames, status: 'done' });
  } catch (err) {
    if (controller.signal.aborted) return;
    setTracks({ status: 'error', error: err instanceof Error ? err.message : String(err) });
  }
}
