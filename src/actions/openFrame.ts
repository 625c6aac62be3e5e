import { appStore } from '../state/appStore.ts';
import { initialLoad } from '../state/slices/loadSlice.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import { loadFrame } from '../io/loadFrame.ts';
import { frameCache } from '../io/frameCache.ts';

/** Fetches the dataset's frame list into the store. */
export async function refreshFrames(): Promise<FrameListItem[]> {
  const response = await fetch('/api/frames');
  if (!response.ok) throw new Error(`Could not list frames: ${response.status} ${response.statusText}`);
  const body = (await response.json()) as { frames: FrameListItem[] } | FrameListItem[];
  const frames = Array.isArray(body) ? body : body.frames;
  appStore.getState().setFrames(frames);
  return frames;
}

/** Makes `frameId` the current frame and streams its points, reporting progress to the store. */
export async function openFrame(frameId: string): Promise<void> {
  const state = appStore.getState();
  const frame = state.frames.find((f) => f.id === frameId);
  state.setCurrentFrame(frameId);
  const url = new URL(window.location.href);
  url.searchParams.set('frame', frameId);
  window.history.replaceState(null, '', url);
  if (state.load.frameId === frameId && state.load.status === 'done' && frameCache.peek(frameId)) return;
  const { setLoad } = state;
  const isCurrent = () => appStore.getState().load.frameId === frameId;
  setLoad({ ...initialLoad, frameId, status: 'loading' });
  const kind = frame?.pointsFile?.toLowerCase().endsWith('.bin') ? 'bin' : 'pcd';
  try {
    const summary = await loadFrame(frameId, `/api/frames/${encodeURIComponent(frameId)}/points`, kind, (event) => {
      if (!isCurrent()) return;
      if (event.type === 'header') {
        setLoad({ totalPoints: event.totalPoints, bytesTotal: event.bytesTotal, fields: event.fields });
      } else {
        const { type: _type, ...patch } = event;
        setLoad(patch);
      }
    });
    if (!isCurrent()) return;
    setLoad({
      status: 'done',
      bytesLoaded: summary.bytes,
      bytesTotal: Math.max(summary.bytes, appStore.getState().load.bytesTotal),
      pointsLoaded: summary.count,
      totalPoints: summary.count,
      renderCount: summary.renderCount,
      fields: summary.fields,
      ranges: summary.ranges,
      firstBatchMs: summary.firstBatchMs,
      totalMs: summary.totalMs,
    });
  } catch (err) {
    if (isCurrent()) setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) });
  }
}

/** On page load: list frames, then open `?frame=ID` or the first frame. */
export async function openInitialFrame(): Promise<void> {
  try {
    const frames = await refreshFrames();
    const wanted = new URL(window.location.href).searchParams.get('frame');
    const first = frames.find((f) => f.id === wanted) ?? frames[0];
    if (first) await openFrame(first.id);
  } catch (err) {
    appStore.getState().setFramesError(err instanceof Error ? err.message : String(err));
  }
}
