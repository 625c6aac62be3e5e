import { initialLoad } from '../state/slices/loadSlice.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import { pointFileKindOf, type PointFileKind } from '../domain/pointcloud/pointFileKind.ts';
import type { PageIo } from './pageIo.ts';
import { ApiError } from '../io/apiClient.ts';

/** Frames streamed ahead of the user (into the byte-bounded frame cache). */
const PREFETCH = 2;

export interface FrameNavigator {
  /** Fetches the dataset's frame list into the store. */
  refreshFrames(): Promise<FrameListItem[]>;
  /**
   * Makes `frameId` the current frame: saves the frame being left, loads the frame's annotation
   * (replaying unsaved local work from the journal) and streams its points, reporting progress.
   */
  openFrame(frameId: string): Promise<void>;
  /**
   * On page load: the dataset (its id names the journal), the rules, the frame list, then frame
   * `wanted` (the host's choice, e.g. its URL's `?frame=`) or the first frame.
   */
  openInitialFrame(wanted?: string | null): Promise<void>;
}

export interface FrameNavigatorDeps {
  store: AppStore;
  io: PageIo;
  /** Called with `NAME:ID` once the server named its dataset (the page builds its autosave then). */
  onDataset(datasetId: string): void;
  /** Loads a server document into the editor through the autosave (journal replay, conflicts). */
  openDoc(doc: FrameAnnotation): void;
}

/** The page's frame loading: annotation and points of the open frame, prefetches, the frame list. */
export function createFrameNavigator({ store, io, onDataset, openDoc }: FrameNavigatorDeps): FrameNavigator {
  const { api, frameCache } = io;

  const refreshFrames = async (): Promise<FrameListItem[]> => {
    const frames = await api.listFrames();
    store.getState().setFrames(frames);
    return frames;
  };

  const loadAnnotation = async (frameId: string): Promise<void> => {
    try {
      const serverDoc = await api.getAnnotation(frameId);
      if (store.getState().currentFrameId !== frameId) return;
      if (store.getState().load.labelsError !== null) store.getState().setLoad({ labelsError: null });
      openDoc(serverDoc);
    } catch (err) {
      const state = store.getState();
      if (state.currentFrameId !== frameId) return;
      // The previous frame's boxes must not stay on screen under this frame's points, where an
      // edit would go to that other frame: no document until this one reads.
      state.loadDoc(null);
      // The frame's card says why (`LoadErrorCard`); a toast as well outlived the frame and sat
      // over the next ones.
      state.setLoad({ labelsError: message(err), labelsErrorFile: err instanceof ApiError && err.error === 'calib_invalid' ? 'calib' : 'label' });
    }
  };

  /** Starts loading the next frames of the list in the background (queued behind the current one). */
  const prefetchAfter = (frameId: string): void => {
    const { frames } = store.getState();
    const i = frames.findIndex((f) => f.id === frameId);
    for (const f of frames.slice(i + 1, i + 1 + PREFETCH)) {
      if (!f.pointsFile || frameCache.peek(f.id)) continue;
      io.requestFrame(f.id, api.pointsUrl(f.id), kindOf(f)).catch(() => undefined);
    }
  };

  const loadPoints = async (frameId: string, frame: FrameListItem | undefined): Promise<void> => {
    const state = store.getState();
    if (state.load.frameId === frameId && state.load.status === 'done' && frameCache.peek(frameId)) return;
    const { setLoad } = state;
    const previous = state.load.frameId;
    if (previous && previous !== frameId) io.detachProgress(previous);
    const isCurrent = () => store.getState().load.frameId === frameId;
    setLoad({ ...initialLoad, frameId, status: 'loading' });
    try {
      const summary = await io.requestFrame(frameId, api.pointsUrl(frameId), kindOf(frame), {
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
        bytesTotal: Math.max(summary.bytes, store.getState().load.bytesTotal),
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
      store.getState().suggestColorMode(summary.fields.some((f) => f.name === 'rgb' || f.name === 'rgba') ? 'rgb' : 'height');
      await io.groundCache.fetch(frameId);
      prefetchAfter(frameId);
    } catch (err) {
      if (!isCurrent()) return;
      setLoad({ status: 'error', error: loadErrorText(err) });
      // The frame list marks it too, while the annotator works on other frames.
      store.getState().setCheckSummary(frameId, { error: 0, warning: 0, unreadable: loadErrorText(err) });
    }
  };

  const openFrame = async (frameId: string): Promise<void> => {
    const state = store.getState();
    const frame = state.frames.find((f) => f.id === frameId);
    state.setCurrentFrame(frameId);
    frameCache.current = frameId;
    frameCache.evict(frameId);
    void io.worker().setCurrentFrame(frameId);
    state.clearSelection();
    // A lead may have changed the team's rules since the page loaded (another tab, the API):
    // the checks and the class palette follow the new version from the next frame opened.
    if (dictionaryLoaded) void loadDictionary(false);
    await Promise.all([loadAnnotation(frameId), loadPoints(frameId, frame)]);
  };

  /** Whether the first dictionary read is done, answered or failed (the later reads look for a new version, or retry). */
  let dictionaryLoaded = false;
  const loadDictionary = async (first: boolean): Promise<void> => {
    try {
      const { dictionary, problem } = await api.getDictionary();
      const current = store.getState().dictionary;
      if (!first && dictionary.version === current.version) return;
      store.getState().setDictionary(dictionary);
      if (problem !== undefined) store.getState().showMessage(`The team's rules do not read, so the built-in rules are used: ${problem}`, 'warning');
      else if (!first)
        store.getState().showMessage(`The team's rules changed (version ${dictionary.version}): the checks and the classes follow them.`, 'info');
    } catch (err) {
      if (first) store.getState().showMessage(`Using the built-in rules: ${message(err)}`, 'warning');
    } finally {
      dictionaryLoaded = true;
    }
  };

  const openInitialFrame = async (wanted: string | null = null): Promise<void> => {
    try {
      const info = await api.getDataset();
      onDataset(`${info.name}:${info.id}`);
      void loadDictionary(true);
      const frames = await refreshFrames();
      const first = frames.find((f) => f.id === wanted) ?? frames[0];
      if (first && wanted !== null && first.id !== wanted) {
        store.getState().showMessage(`There is no frame "${wanted}" in this dataset; opened ${first.id} instead.`, 'warning');
      }
      if (first) await openFrame(first.id);
      else store.getState().setFramesError('This dataset has no frames: add .pcd or velodyne .bin files.');
    } catch (err) {
      store.getState().setFramesError(`Could not reach the Cuboid server: ${message(err)}`);
    }
  };

  return { refreshFrames, openFrame, openInitialFrame };
}

function kindOf(frame: FrameListItem | undefined): PointFileKind {
  return pointFileKindOf(frame?.pointsFile ?? '') ?? 'pcd';
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
