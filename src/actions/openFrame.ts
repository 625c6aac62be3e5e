import { appStore } from '../state/appStore.ts';
import { initialLoad } from '../state/slices/loadSlice.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import { api } from '../io/apiClient.ts';
import { loadFrame } from '../io/loadFrame.ts';
import { frameCache } from '../io/frameCache.ts';
import { groundCache } from '../io/groundCache.ts';
import { getAutosave } from './pageEditor.ts';

let datasetId = 'default';

/** Fetches the dataset's frame list into the store. */
export async function refreshFrames(): Promise<FrameListItem[]> {
  const frames = await api.listFrames();
  appStore.getState().setFrames(frames);
  return frames;
}

/**
 * Makes `frameId` the current frame: saves the frame being left, loads the frame's annotation
 * (replaying unsaved local work from the journal) and streams its points, reporting progress.
 */
export async function openFrame(frameId: string): Promise<void> {
  const state = appStore.getState();
  const frame = state.frames.find((f) => f.id === frameId);
  state.setCurrentFrame(frameId);
  state.clearSelection();
  const url = new URL(window.location.href);
  url.searchParams.set('frame', frameId);
  window.history.replaceState(null, '', url);
  const docLoad = loadAnnotation(frameId);
  const pointLoad = loadPoints(frameId, frame);
  await Promise.all([docLoad, pointLoad]);
}

async function loadAnnotation(frameId: string): Promise<void> {
  try {
    const serverDoc = await api.getAnnotation(frameId);
    if (appStore.getState().currentFrameId !== frameId) return;
    getAutosave(datasetId).openDoc(serverDoc);
  } catch (err) {
    appStore.getState().showMessage(`Could not load the annotation of frame ${frameId}: ${message(err)}`, 'error');
  }
}

async function loadPoints(frameId: string, frame: FrameListItem | undefined): Promise<void> {
  const state = appStore.getState();
  if (state.load.frameId === frameId && state.load.status === 'done' && frameCache.peek(frameId)) return;
  const { setLoad } = state;
  const isCurrent = () => appStore.getState().load.frameId === frameId;
  setLoad({ ...initialLoad, frameId, status: 'loading' });
  const kind = frame?.pointsFile?.toLowerCase().endsWith('.bin') ? 'bin' : 'pcd';
  try {
    const summary = await loadFrame(frameId, api.pointsUrl(frameId), kind, (event) => {
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
    await groundCache.fetch(frameId);
  } catch (err) {
    if (isCurrent()) setLoad({ status: 'error', error: message(err) });
  }
}

/** On page load: list frames, then open `?frame=ID` or the first frame. */
export async function openInitialFrame(): Promise<void> {
  try {
    const info = await api.getDataset();
    datasetId = `${info.name}:${info.root}`;
    getAutosave(datasetId);
    const frames = await refreshFrames();
    const wanted = new URL(window.location.href).searchParams.get('frame');
    const first = frames.find((f) => f.id === wanted) ?? frames[0];
    if (first) await openFrame(first.id);
    else appStore.getState().setFramesError('This dataset has no frames: add .pcd or velodyne .bin files.');
  } catch (err) {
    appStore.getState().setFramesError(`Could not reach the Cuboid server: ${message(err)}`);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
