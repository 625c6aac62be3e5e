import { appStore } from '../state/appStore.ts';
import { createStoreAutosaveHost } from '../state/autosaveHost.ts';
import { api } from '../io/apiClient.ts';
import { createAutosave } from '../io/autosave.ts';
import type { Autosave } from '../io/autosave.ts';
import { createJournal } from '../io/journal.ts';
import { groundCache } from '../io/groundCache.ts';
import { getPointCloudWorker } from '../io/pointCloudWorker.ts';
import { createEditor } from '../actions/createEditor.ts';
import type { Editor } from '../actions/createEditor.ts';
import { openFrame, refreshFrames } from './openFrame.ts';
import { loadTracks } from './loadTracks.ts';
import { createSequenceService } from '../io/sequenceService.ts';
import type { SequenceEditResult, SequenceService } from '../io/sequenceTypes.ts';

let editor: Editor | null = null;
let autosave: Autosave | null = null;

/**
 * The page's autosave (debounced saves with the revision protocol, local journal). Created on
 * first use for the dataset the server reports, so journals of different datasets never mix.
 */
export function getAutosave(datasetId = 'default'): Autosave {
  if (!autosave) {
    autosave = createAutosave({
      host: createStoreAutosaveHost(appStore),
      target: api,
      journal: createJournal(window.localStorage, datasetId),
    });
    window.addEventListener('beforeunload', () => void autosave?.saveNow());
  }
  return autosave;
}

/** The page's editor: the store, tools and actions wired to the worker, the server and navigation. */
export function getPageEditor(): Editor {
  if (!editor) {
    editor = createEditor(appStore, {
      fit: {
        fit: (frameId, point, options) =>
          getPointCloudWorker().fit(frameId, point, {
            label: options.label,
            headingIndex: options.headingIndex,
            prior: options.prior ? { center: options.prior.center, size: options.prior.size, yaw: options.prior.yaw } : undefined,
          }),
      },
      ground: { groundZ: (frameId, x, y) => groundCache.groundZ(frameId, x, y) },
      navigation: { openFrame: (frameId) => openFrame(frameId) },
      save: { saveNow: () => getAutosave().saveNow() },
      tracks: { reload: loadTracks },
      sequence: withFrameListRefresh(
        createSequenceService({
          api,
          worker: getPointCloudWorker(),
          frames: () => appStore.getState().frames,
          currentFrameId: () => appStore.getState().currentFrameId,
        }),
      ),
    });
  }
  return editor;
}

/**
 * Other frames' box counts and checks change with sequence edits: the frame list is refreshed as
 * each carried frame is saved (its check summary asked for again) and when an edit ends.
 */
function withFrameListRefresh(service: SequenceService): SequenceService {
  const refresh = () => void refreshFrames().catch(() => undefined);
  const after = <T>(p: Promise<T>): Promise<T> => p.finally(refresh);
  const onFrameSaved = (frameId: string) => {
    appStore.getState().forgetCheckSummary(frameId);
    refresh();
  };
  const forgetSaved = (r: SequenceEditResult): SequenceEditResult => {
    for (const id of r.savedFrameIds) appStore.getState().forgetCheckSummary(id);
    return r;
  };
  return {
    propagate: (from, boxes, n, options) => after(service.propagate(from, boxes, n, { ...options, onFrameSaved })),
    interpolate: (...a) => after(service.interpolate(...a).then(forgetSaved)),
    lockTrackSize: (...a) => after(service.lockTrackSize(...a).then(forgetSaved)),
  };
}
