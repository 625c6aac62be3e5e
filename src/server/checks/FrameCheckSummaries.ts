import type { FrameCheckSummary } from '../../domain/api/wireTypes.ts';
import type { CheckPool } from './CheckPool.ts';
import { checkedOrThrow } from './CheckPool.ts';
import type { AnnotationService } from '../AnnotationService.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { frameFileSize } from '../dataset/frameFiles.ts';
import { isDatasetUnavailable } from '../dataset/sourceErrors.ts';
import type { DictionaryStorage } from '../review/DictionaryStore.ts';
import { computeOnce, errorFromStored, isTransientCheckError } from './sharedCheckSummaries.ts';
import { textSignature } from './TrackWindows.ts';
import type { TrackWindows } from './TrackWindows.ts';

/** Point files above this size are not checked in the background (the analysis would hold the server for seconds). */
export const MAX_BACKGROUND_CHECK_BYTES = 32 * 1024 * 1024;

/**
 * A computed summary, or the error the frame's check ended in, for one (revision, dictionary
 * version, track signature: '' for a frame with no track around, or an error), and the `around`
 * signature of the frames around it when it was last vouched for (`TrackWindows`).
 */
type Outcome = { revision: number; dictionaryVersion: number; tracks: string; around: string } & ({ summary: FrameCheckSummary } | { error: unknown });

/**
 * Per-frame check summaries for the navigator, computed on request with the same single-frame
 * rules the checks worker runs (frame analysis, unlabelled clusters, the camera label region and
 * the frame's "not an object" dismissals included), in a worker thread of the check pool (never
 * on the event loop), and remembered per (revision, dictionary version, and where the frames
 * around expect its tracks: a track saved in a frame around checks it again): a failure too (an
 * unreadable file, a frame over the size or time limit; not a full queue), so the navigator's sweep does not hit
 * the same wall again until the frame or the dictionary changes. Reading never imports or changes
 * anything: a frame never stored is checked on its `label_2` file, as `cuboid check` does.
 */
export class FrameCheckSummaries {
  private readonly annotations: AnnotationService;
  private readonly dictionaries: DictionaryStorage;
  private readonly pool: Pick<CheckPool, 'run'>;
  private readonly maxBytes: number;
  private readonly trackWindows: Pick<TrackWindows, 'expectedAndAround'> | undefined;
  private readonly done = new Map<string, Outcome>();
  private readonly running = new Map<string, Promise<FrameCheckSummary>>();

  /** `pool`: where checks run, the check pool itself or a job runner's checks (`jobs/JobRunner.ts`). */
  constructor(opts: {
    annotations: AnnotationService;
    dictionaries: DictionaryStorage;
    pool: Pick<CheckPool, 'run'>;
    maxBytes?: number;
    /** Where a frame's tracks are expected (`trackGap`, `offTrack`); without it the summaries leave those rules out. */
    trackWindows?: Pick<TrackWindows, 'expectedAndAround'>;
  }) {
    this.annotations = opts.annotations;
    this.trackWindows = opts.trackWindows;
    this.dictionaries = opts.dictionaries;
    this.pool = opts.pool;
    this.maxBytes = opts.maxBytes ?? MAX_BACKGROUND_CHECK_BYTES;
  }

  /**
   * The summary already computed for this revision and dictionary version, if any (failures are not
   * summaries), while the frames around it are as they were then (`around`, from
   * `TrackWindows.aroundAll`): a track saved around it may change its summary, which `get` says.
   */
  cached(frameId: string, revision: number, dictionaryVersion: number, around = ''): FrameCheckSummary | undefined {
    const hit = this.outcome(frameId, revision, dictionaryVersion);
    return hit !== undefined && hit.around === around && 'summary' in hit ? hit.summary : undefined;
  }

  /**
   * Takes in the outcomes other replicas stored (PostgreSQL), so that `cached` knows them; nothing
   * without a shared store.
   */
  async warm(): Promise<void> {
    const shared = this.annotations.storage.checkSummaries;
    if (shared === undefined) return;
    const entries = await shared.listLatest().catch(() => []);
    for (const e of entries) {
      const known = this.done.get(e.frameId);
      if (known !== undefined && (known.revision > e.revision || (known.revision === e.revision && known.dictionaryVersion >= e.dictionaryVersion))) continue;
      const at = { revision: e.revision, dictionaryVersion: e.dictionaryVersion };
      this.done.set(
        e.frameId,
        'summary' in e.outcome
          ? { ...at, tracks: e.outcome.summary.tracks ?? '', around: e.outcome.summary.around ?? '', summary: e.outcome.summary }
          : { ...at, tracks: '', around: this.trackWindows ? '?' : '', error: errorFromStored(e.outcome.error) },
      );
    }
  }

  private outcome(frameId: string, revision: number, dictionaryVersion: number): Outcome | undefined {
    const hit = this.done.get(frameId);
    return hit && hit.revision === revision && hit.dictionaryVersion === dictionaryVersion ? hit : undefined;
  }

  /**
   * The summary of the frame's current revision under the current dictionary (computed once).
   * @throws HttpError 422 (unreadable file, frame over a size limit) or 503 (time limit, pool
   *   busy, worker failure), each naming the frame; the same error again until the frame changes
   */
  async get(frame: DatasetFrame): Promise<FrameCheckSummary> {
    const { dictionary } = await this.dictionaries.load();
    const stored = await this.annotations.storage.getAnnotation(frame.id);
    const revision = stored?.revision ?? 0;
    // Box work only (no points): where the frames around expect the frame's tracks, and its signature.
    const { expected: expectedTracks, around } = (await this.trackWindows?.expectedAndAround(frame.id)) ?? { expected: [], around: '' };
    const tracks = expectedTracks.length === 0 ? '' : textSignature(JSON.stringify(expectedTracks));
    const hit = this.outcome(frame.id, revision, dictionary.version);
    if (hit !== undefined && ('error' in hit || hit.tracks === tracks)) {
      // Still right with the frames around as they are now: vouched for in the frame list again.
      this.done.set(frame.id, { ...hit, around });
      if ('summary' in hit) return hit.summary;
      throw hit.error;
    }
    const key = `${frame.id}:${revision}:${dictionary.version}:${tracks}`;
    let pending = this.running.get(key);
    if (pending === undefined) {
      pending = (async (): Promise<FrameCheckSummary> => {
        const base = {
          frameId: frame.id,
          revision,
          dictionaryVersion: dictionary.version,
          error: 0,
          warning: 0,
          info: 0,
          ...(tracks !== '' ? { tracks } : {}),
          ...(around !== '' ? { around } : {}),
        };
        const size = await frameFileSize(frame, frame.points.path);
        if (size > this.maxBytes) {
          return { ...base, skipped: `the point file is ${(size / 2 ** 20).toFixed(0)} MiB; open the frame to check it` };
        }
        const check = async (): Promise<FrameCheckSummary> => {
          const answer = await this.pool.run({ kind: 'frame', frame, stored, region: 'auto', dictionary, countOnly: true, expectedTracks });
          return { ...base, ...checkedOrThrow(answer, frame.id).counts };
        };
        // Replicas on one database compute each frame's summary once for all (storage/CheckSummaryStore.ts).
        const shared = this.annotations.storage.checkSummaries;
        if (shared === undefined) return check();
        const at = { frameId: frame.id, revision, dictionaryVersion: dictionary.version };
        const summary = await computeOnce(shared, at, check);
        if ((summary.tracks ?? '') === tracks) return summary;
        // Stored before a track around the frame changed: checked again, and stored over it.
        const fresh = await check();
        await shared.store(at.frameId, at.revision, at.dictionaryVersion, { summary: fresh }).catch(() => undefined);
        return fresh;
      })();
      this.running.set(key, pending);
      const at = { revision, dictionaryVersion: dictionary.version, tracks, around };
      pending
        .then(
          (summary) => this.done.set(frame.id, { ...at, summary }),
          (error: unknown) => {
            // A full queue says nothing about the frame: ask again next time.
            // Nor does a bucket that cannot be read now (it may come back).
            // Nor a job no worker took (`cuboid worker` not running): ask again once one runs.
            if (!isTransientCheckError(error) && !isDatasetUnavailable(error)) this.done.set(frame.id, { ...at, tracks: '', error });
          },
        )
        .finally(() => this.running.delete(key));
    }
    return pending;
  }
}
