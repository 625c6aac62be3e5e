import { appStore } from '../state/appStore.ts';
import { api } from '../io/apiClient.ts';
import type { Cuboid } from '../domain/types.ts';

/** Annotations fetched at once while building the track index. */
const PARALLEL = 6;

/**
 * Reads every frame's boxes from the server (a few at a time) into the track index: the track
 * panel lists tracks with their frames, the trajectory view draws a track across frames.
 */
export async function loadTracks(): Promise<void> {
  const { frames, setTracks } = appStore.getState();
  setTracks({ status: 'loading', error: null });
  const out: { frameId: string; revision: number; cuboids: Cuboid[] }[] = new Array(frames.length);
  let next = 0;
  try {
    const worker = async () => {
      while (next < frames.length) {
        const i = next++;
        const doc = await api.getAnnotation(frames[i].id);
        out[i] = { frameId: frames[i].id, revision: doc.revision, cuboids: doc.cuboids };
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, frames.length) }, worker));
    setTracks({ frames: out, status: 'done' });
  } catch (err) {
    setTracks({ status: 'error', error: err instanceof Error ? err.message : String(err) });
  }
}
