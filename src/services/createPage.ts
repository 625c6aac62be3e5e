import type { AppStore } from '../state/createAppStore.ts';
import { createAppStore } from '../state/createAppStore.ts';
import { trackNumbersFrom } from '../domain/document/cuboidOps.ts';
import { createStoreAutosaveHost } from '../state/autosaveHost.ts';
import { createAutosave } from '../io/autosave.ts';
import type { Autosave } from '../io/autosave.ts';
import { createJournal } from '../io/journal.ts';
import { createSequenceService } from '../io/sequenceService.ts';
import type { SequenceEditResult, SequenceService } from '../io/sequenceTypes.ts';
import { createEditor } from '../actions/createEditor.ts';
import type { Editor } from '../actions/createEditor.ts';
import type { EditorServices } from '../tools/EditorServices.ts';
import type { PageIo } from './pageIo.ts';
import { createFrameNavigator, type FrameNavigator } from './frameNavigator.ts';
import { createReviewService, type ReviewService } from './reviewService.ts';
import { createSessionService, type SessionService } from './sessionService.ts';
import { createDictionaryService, type DictionaryService } from './dictionaryService.ts';
import { createTrackLoader } from './trackLoader.ts';
import { createCameraData, type CameraData } from './cameraData.ts';
import { createPointCounter, type PointCounter } from './countPointsInBox.ts';
import { startChecksRunner } from './checksRunner.ts';
import { startFrameCheckSweep } from './frameCheckSweep.ts';
import { startSweepMerger } from './sweepMerger.ts';
import { startMergeDetail } from './mergeDetail.ts';

/** Everything a page's panels and views use besides the store. */
export interface PageServices extends EditorServices {
  frames: FrameNavigator;
  review: ReviewService;
  session: SessionService;
  dictionary: DictionaryService;
  tracks: { reload(): Promise<void> };
  camera: CameraData;
  countPointsInBox: PointCounter;
}

/**
 * One annotation page: its store, its editor (tools and the action registry), its services and
 * the engine they run on. Built by `createPage`; the `<CuboidEditor>` component renders one.
 */
export interface Page {
  store: AppStore;
  editor: Editor;
  services: PageServices;
  io: PageIo;
  /** The page's autosave, once the server named its dataset (null before). */
  autosave(): Autosave | null;
  /**
   * Starts the background work (the checks runner, the navigator's check sweep, a save when the
   * tab closes). Returns a function that stops it; `dispose` stops everything.
   */
  start(): () => void;
  dispose(): void;
}

export interface CreatePageOptions {
  /** A store to use (default: a fresh one). */
  store?: AppStore;
}

/**
 * Reads the track index once the frame list is in (at once when it already is), then stops
 * listening: new track numbers count every saved frame's tracks (`noteTrackIds` in the loader),
 * not only the frames opened since the page loaded (after a reload, numbers repeated). Returns
 * the stop for a page stopped before that.
 */
function readTrackIndexOnce(store: AppStore, tracks: { reload(): Promise<void> }): () => void {
  const read = (): void => void tracks.reload().catch(() => undefined);
  if (store.getState().frames.length > 0) {
    read();
    return () => undefined;
  }
  const stop = store.subscribe((s) => {
    if (s.frames.length === 0) return;
    stop();
    read();
  });
  return stop;
}

/**
 * The composition root: builds a page's store, autosave, services and editor from an engine
 * (`browserPageIo()` in the app, fakes in tests). Nothing here is module-level: two pages never
 * share a store, an autosave or a journal.
 */
export function createPage(io: PageIo, options: CreatePageOptions = {}): Page {
  const store = options.store ?? createAppStore();
  // New tracks number past the open document's: undoing a fit gives its number back.
  trackNumbersFrom(() => store.getState().doc?.cuboids.map((c) => c.trackId) ?? []);
  let autosave: Autosave | null = null;
  let autosaveFor: string | null = null;

  /** The autosave of dataset `datasetId` (`NAME:ID`): journals of different datasets never mix. */
  const switchDataset = (datasetId: string): void => {
    if (autosave && autosaveFor === datasetId) return;
    autosave?.dispose();
    autosaveFor = datasetId;
    autosave = createAutosave({ host: createStoreAutosaveHost(store), target: io.api, journal: createJournal(io.storage, datasetId) });
  };
  const openDoc = (doc: Parameters<Autosave['openDoc']>[0]): void => {
    if (!autosave) switchDataset('default');
    autosave!.openDoc(doc);
  };

  const frames = createFrameNavigator({ store, io, onDataset: switchDataset, openDoc });
  const refreshFrames = () => frames.refreshFrames();
  const review = createReviewService({ store, api: io.api, autosave: () => autosave, refreshFrames });
  const services: PageServices = {
    fit: {
      fit: async (frameId, point, opts) => {
        // With sweeps merged, a box without a prior is fitted on the merged cloud (a static object
        // seen from many places), with the open frame's ground.
        const merged = store.getState().merge;
        if (merged.status === 'ready' && merged.key && !opts.prior && opts.headingIndex === undefined) {
          const ground = (await io.worker().ground(frameId)) ?? undefined;
          const r = await io.mergeWorker().fit(merged.key, point, {
            label: opts.label,
            ground,
            ...(opts.reach !== undefined ? { reach: opts.reach } : {}),
            ...(opts.exclude !== undefined ? { exclude: opts.exclude } : {}),
          });
          if (r) return r;
        }
        return io.worker().fit(frameId, point, {
          label: opts.label,
          headingIndex: opts.headingIndex,
          ...(opts.reach !== undefined ? { reach: opts.reach } : {}),
          ...(opts.exclude !== undefined ? { exclude: opts.exclude } : {}),
          prior: opts.prior ? { center: opts.prior.center, size: opts.prior.size, yaw: opts.prior.yaw } : undefined,
        });
      },
    },
    ground: { groundZ: (frameId, x, y) => io.groundCache.groundZ(frameId, x, y) },
    navigation: { openFrame: (frameId) => frames.openFrame(frameId) },
    save: { saveNow: () => autosave?.saveNow() ?? Promise.resolve() },
    sequence: withFrameListRefresh(
      store,
      createSequenceService({
        api: io.api,
        // The worker is created on first use, not when the page is built.
        worker: {
          ensureFrame: (...a) => io.worker().ensureFrame(...a),
          propagate: (...a) => io.worker().propagate(...a),
        },
        frames: () => store.getState().frames,
        currentFrameId: () => store.getState().currentFrameId,
      }),
      refreshFrames,
    ),
    tracks: createTrackLoader(store, io.api),
    frames,
    review,
    session: createSessionService(store, io.api),
    dictionary: createDictionaryService(store, io.api),
    conflict: { resolveConflict: (choice) => autosave?.resolveConflict(choice) ?? Promise.resolve() },
    camera: createCameraData(io),
    countPointsInBox: createPointCounter(io),
  };
  const editor = createEditor(store, services);
  const stops = new Set<() => void>();

  return {
    store,
    editor,
    services,
    io,
    autosave: () => autosave,
    start() {
      const stopChecks = startChecksRunner(store, io);
      const stopSweep = startFrameCheckSweep(store, io.api);
      const stopMerger = startSweepMerger(store, io);
      const stopDetail = startMergeDetail(store, io);
      const stopIndex = readTrackIndexOnce(store, services.tracks);
      const onUnload = () => void autosave?.saveNow();
      window.addEventListener('beforeunload', onUnload);
      const stop = () => {
        stopChecks();
        stopSweep();
        stopMerger();
        stopDetail();
        stopIndex();
        window.removeEventListener('beforeunload', onUnload);
        stops.delete(stop);
      };
      stops.add(stop);
      return stop;
    },
    dispose() {
      for (const stop of [...stops]) stop();
      editor.dispose();
      autosave?.dispose();
      autosave = null;
    },
  };
}

/**
 * Other frames' box counts and checks change with sequence edits: the frame list is refreshed as
 * each carried frame is saved (its check summary asked for again) and when an edit ends.
 */
function withFrameListRefresh(store: AppStore, service: SequenceService, refreshFrames: () => Promise<unknown>): SequenceService {
  const refresh = () => void refreshFrames().catch(() => undefined);
  const after = <T>(p: Promise<T>): Promise<T> => p.finally(refresh);
  const onFrameSaved = (frameId: string) => {
    store.getState().forgetCheckSummary(frameId);
    refresh();
  };
  const forgetSaved = (r: SequenceEditResult): SequenceEditResult => {
    for (const id of r.savedFrameIds) store.getState().forgetCheckSummary(id);
    return r;
  };
  return {
    propagate: (from, boxes, n, opts) => after(service.propagate(from, boxes, n, { ...opts, onFrameSaved })),
    interpolate: (...a) => after(service.interpolate(...a).then(forgetSaved)),
    lockTrackSize: (...a) => after(service.lockTrackSize(...a).then(forgetSaved)),
  };
}
