import { appStore } from '../state/appStore.ts';
import { initialLoad } from '../state/slices/loadSlice.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import { api } from '../io/apiClient.ts';
import { requestFrame, detachProgress } from '../io/frameLoads.ts';
import { frameCache } from '../io/frameCache.ts';
import { groundCache } from '../io/groundCache.ts';
import { getPointCloudWorker } from '../io/pointCloudWorker.ts';
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
  frameCache.current = frameId;
  frameCache.evict(frameId);
  void getPointCloudWorker().setCurrentFrame(frameId);
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
  const previous = state.load.frameId;
  if (previous && previous !== frameId) detachProgress(previous);
  const isCurrent = () => appStore.getState().load.frameId === frameId;
  setLoad({ ...initialLoad, frameId, status: 'loading' });
  const kind = frame?.pointsFile?.toLowerCase().endsWith('.bin') ? 'bin' : 'pcd';
  try {
    const summary = await requestFrame(frameId, api.pointsUrl(frameId), kind, {
      current: true,
      onProgress: (event) => {
        if (!isCurrent()) return;
        if (event.type === 'header') {
          setLoad({ totalPoints: event.totalPoints, bytesTotal: event.bytesTotal, fields: event.fields });
        } else {
          const { type: _type, ...patch } = event;
          setLoad(patch);
        }
      },
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
      notice: summary.notice,
      ranges: summary.ranges,
      bounds: summary.bounds,
      firstBatchMs: summary.firstBatchMs,
      totalMs: summary.totalMs,
    });
    // A file with its own colours (rgb/rgba) is shown in them unless the user chose a colouring.
    appStore.getState().suggestColorMode(summary.fields.some((f) => f.name === 'rgb' || f.name === 'rgba') ? 'rgb' : 'height');
    await groundCache.fetch(frameId);
    prefetchAfter(frameId);
  } catch (err) {
    if (isCurrent()) setLoad({ status: 'error', error: loadErrorText(err) });
  }
}

/** Frames streamed ahead of the user (into the byte-bounded frame cache). */
const PREFETCH = 2;

/** Starts loading the next frames of the list in the background (queued behind the current one). */
function prefetchAfter(frameId: string): void {
  const { frames } = appStore.getState();
  const i = frames.findIndex((f) => f.id === frameId);
  for (const f of frames.slice(i + 1, i + 1 + PREFETCH)) {
    if (!f.pointsFile || frameCache.peek(f.id)) continue;
    const kind = f.pointsFile.toLowerCase().endsWith('.bin') ? 'bin' : 'pcd';
    requestFrame(f.id, api.pointsUrl(f.id), kind).catch(() => undefined);
  }
}

/** On page load: list frames, then open `?frame=ID` or the first frame. */
export async function openInitialFrame(): Promise<void> {
  try {
    const info = await api.getDataset();
    datasetId = `${info.name}:${info.id}`;
    getAutosave(datasetId);
    api
      .getDictionary()
      .then(({ dictionary }) => appStore.getState().setDictionary(dictionary))
      .catch((err: unknown) => appStore.getState().showMessage(`Using the built-in rules: ${message(err)}`, 'warning'));
    const frames = await refreshFrames();
    const wanted = new URL(window.location.href).searchParams.get('frame');
    const first = frames.find((f) => f.id === wanted) ?? frames[0];
    if (first && wanted !== null && first.id !== wanted) {
      appStore.getState().showMessage(`There is no frame "${wanted}" in this dataset; opened ${first.id} instead.`, 'warning');
    }
    if (first) await openFrame(first.id);
    else appStore.getState().setFramesError('This dataset has no frames: add .pcd or velodyne .bin files.');
  } catch (err) {
    appStore.getState().setFramesError(`Could not reach the Cuboid server: ${message(err)}`);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A load error for people: the parser's name is dropped from "PcdStreamParser (scan.pcd): …", so
 * the message starts with the file it is about.
 */
export function loadErrorText(err: unknown): string {
  return message(err).replace(/^[A-Za-z]+ \(([^()]+)\): /, '$1: ');
}
