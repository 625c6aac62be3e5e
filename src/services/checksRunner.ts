import { transfer } from 'comlink';
import type { Cuboid } from '../domain/types.ts';
import { autoLabelRegion } from '../domain/checks/autoLabelRegion.ts';
import type { ExpectedTrackBox } from '../domain/checks/CheckContext.ts';
import { countBySeverity } from '../domain/checks/CheckResult.ts';
import { dismissedRegions } from '../domain/document/dismissals.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { ApiError } from '../io/apiClient.ts';
import type { PageIo } from './pageIo.ts';
import { noteTrackIds } from '../domain/document/cuboidOps.ts';

/** Quiet time after an edit before the checks re-run, milliseconds. */
const DEBOUNCE_MS = 80;

/**
 * Keeps the checks panel current: once a frame's points are in, hands them to the checks worker
 * (which derives grid, ground and clusters once per frame), then re-runs the rules after every
 * document change, incrementally (only the boxes that changed, and their neighbours; the frame
 * rules also when the "not an object" dismissals changed). The tracks of the frames around are
 * asked once per frame open (`GET /api/frames/:id/expected-tracks`), for the track rules (`trackGap`, `offTrack`).
 */
export function startChecksRunner(store: AppStore, io: Pick<PageIo, 'api' | 'frameCache' | 'worker' | 'checksWorker'>): () => void {
  const { api, frameCache } = io;
  const getChecksWorker = io.checksWorker;
  const getPointCloudWorker = io.worker;
  let preparedFor: string | null = null;
  let preparing: string | null = null;
  let lastCuboids: Cuboid[] | null = null;
  let lastDictionary = store.getState().dictionary;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Where the frames around the prepared frame expect its tracks (`trackGap`, `offTrack`). */
  let expectedTracks: ExpectedTrackBox[] = [];

  const run = async (full: boolean) => {
    const s = store.getState();
    const doc = s.doc;
    if (!doc || doc.frameId !== preparedFor) return;
    const changed = full || !lastCuboids ? undefined : changedIds(lastCuboids, doc.cuboids);
    lastCuboids = doc.cuboids;
    s.setChecks({ status: 'running' });
    try {
      const out = await getChecksWorker().check(doc.cuboids, s.dictionary, changed, doc.frameId, dismissedRegions(doc.dismissals), expectedTracks);
      if (store.getState().doc?.frameId !== out.frameId) return;
      store.getState().setChecks({ frameId: out.frameId, results: out.results, status: 'done', ms: out.ms, error: null });
      const counts = countBySeverity(out.results);
      store.getState().setCheckSummary(out.frameId, { error: counts.error, warning: counts.warning });
    } catch (err) {
      store.getState().setChecks({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const prepare = async (frameId: string) => {
    const buffers = frameCache.peek(frameId);
    const doc = store.getState().doc;
    if (!buffers?.complete || !doc || doc.frameId !== frameId) return;
    preparing = frameId;
    store.getState().setChecks({ frameId, results: [], status: 'preparing', error: null, calibProblem: null });
    try {
      // Asked beside the calib; a server that cannot say leaves the track rules out, nothing else.
      const tracksAround = Promise.resolve()
        .then(() => api.getExpectedTracks(frameId))
        .then((g) => {
          // New tracks are numbered past the tracks around (a reload starts the count again).
          noteTrackIds(g.expectedTracks.map((t) => t.trackId));
          return g.expectedTracks;
        })
        .catch((): ExpectedTrackBox[] => []);
      // The boxes are in the LiDAR frame: a broken calib only means the camera view is unknown, so
      // the checks run without it (missed objects searched all around) and the panel says why.
      const calib = await api.getCalib(frameId).catch((err: unknown) => {
        if (store.getState().checks.frameId === frameId) store.getState().setChecks({ calibProblem: calibProblemOf(err) });
        return null;
      });
      const region = autoLabelRegion(
        'auto',
        calib?.calib ?? null,
        calib?.imageSize[0] ?? 1242,
        doc.cuboids,
        doc.dontCare.map((d) => d.bbox),
      );
      // The point-cloud worker hands its copy of the cloud to the checks worker directly.
      const channel = new MessageChannel();
      const summary = getChecksWorker().setFrameFromPort(frameId, transfer(channel.port2, [channel.port2]), region);
      const sent = await getPointCloudWorker().sendPositions(frameId, transfer(channel.port1, [channel.port1]));
      if (!sent) throw new Error(`The points of frame ${frameId} are not in the point-cloud worker; reopen the frame to check it.`);
      await summary;
      const tracks = await tracksAround;
      if (preparing !== frameId) return;
      expectedTracks = tracks;
      preparedFor = frameId;
      lastCuboids = null;
      await run(true);
    } catch (err) {
      store.getState().setChecks({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    } finally {
      if (preparing === frameId) preparing = null;
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    const frameId = s.currentFrameId;
    const ready = s.load.status === 'done' && s.load.frameId === frameId && s.doc?.frameId === frameId;
    if (frameId && s.checks.frameId !== null && s.checks.frameId !== frameId && !ready) {
      // Another frame opened: the last frame's findings (and their pins) go at once, not when this
      // frame's points are in, and never stay on a frame whose points could not be loaded.
      preparedFor = null;
      preparing = null;
      s.setChecks({ frameId, results: [], status: 'idle', error: null, ms: null, calibProblem: null });
      return;
    }
    if (frameId && ready && preparedFor !== frameId && preparing !== frameId) {
      void prepare(frameId);
      return;
    }
    const dictionaryChanged = s.dictionary !== lastDictionary;
    if ((s.doc !== prev.doc || dictionaryChanged) && s.doc?.frameId === preparedFor) {
      lastDictionary = s.dictionary;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(dictionaryChanged), DEBOUNCE_MS);
    }
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

/** What the checks panel says about a calib the server could not give (its message names the file and line). */
function calibProblemOf(err: unknown): string {
  if (err instanceof ApiError) return err.failure.kind === 'network' ? `the calib could not be fetched (${err.detail})` : err.detail;
  return err instanceof Error ? err.message : String(err);
}

/** Ids of boxes added, removed or changed between two versions of a frame's boxes. */
function changedIds(before: readonly Cuboid[], after: readonly Cuboid[]): string[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const ids: string[] = [];
  for (const c of after) {
    if (old.get(c.id) !== c) ids.push(c.id);
    old.delete(c.id);
  }
  return [...ids, ...old.keys()];
}
