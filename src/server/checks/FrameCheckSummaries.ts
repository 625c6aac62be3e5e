import fs from 'node:fs/promises';
import { countBySeverity } from '../../domain/checks/CheckResult.ts';
import { createCheckContext } from '../../domain/checks/createCheckContext.ts';
import { runChecks } from '../../domain/checks/runChecks.ts';
import type { FrameCheckSummary } from '../../domain/api/wireTypes.ts';
import { readCheckFrame } from './checkFrameInput.ts';
import type { AnnotationService } from '../AnnotationService.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import type { DictionaryStore } from '../review/DictionaryStore.ts';

/** Point files above this size are not checked in the background (the analysis would hold the server for seconds). */
export const MAX_BACKGROUND_CHECK_BYTES = 32 * 1024 * 1024;

/**
 * Per-frame check summaries for the navigator, computed on request with the same single-frame
 * rules the checks worker runs (frame analysis, unlabelled clusters, the camera label region and
 * the frame's "not an object" dismissals included), and remembered per (revision, dictionary version). Reading never imports or changes
 * anything: a frame never stored is checked on its `label_2` file, as `cuboid check` does.
 */
export class FrameCheckSummaries {
  private readonly annotations: AnnotationService;
  private readonly dictionaries: DictionaryStore;
  private readonly maxBytes: number;
  private readonly done = new Map<string, FrameCheckSummary>();
  private readonly running = new Map<string, Promise<FrameCheckSummary>>();

  constructor(opts: { annotations: AnnotationService; dictionaries: DictionaryStore; maxBytes?: number }) {
    this.annotations = opts.annotations;
    this.dictionaries = opts.dictionaries;
    this.maxBytes = opts.maxBytes ?? MAX_BACKGROUND_CHECK_BYTES;
  }

  /** The summary already computed for this revision and dictionary version, if any. */
  cached(frameId: string, revision: number, dictionaryVersion: number): FrameCheckSummary | undefined {
    const hit = this.done.get(frameId);
    return hit && hit.revision === revision && hit.dictionaryVersion === dictionaryVersion ? hit : undefined;
  }

  /** The summary of the frame's current revision under the current dictionary (computed once). */
  async get(frame: DatasetFrame): Promise<FrameCheckSummary> {
    const { dictionary } = await this.dictionaries.load();
    const stored = await this.annotations.storage.getAnnotation(frame.id);
    const revision = stored?.revision ?? 0;
    const hit = this.cached(frame.id, revision, dictionary.version);
    if (hit) return hit;
    const key = `${frame.id}:${revision}:${dictionary.version}`;
    let pending = this.running.get(key);
    if (pending === undefined) {
      pending = (async (): Promise<FrameCheckSummary> => {
        const base = { frameId: frame.id, revision, dictionaryVersion: dictionary.version, error: 0, warning: 0, info: 0 };
        const { size } = await fs.stat(frame.points.path);
        if (size > this.maxBytes) {
          return { ...base, skipped: `the point file is ${(size / 2 ** 20).toFixed(0)} MiB; open the frame to check it` };
        }
        const input = await readCheckFrame(frame, stored, 'auto');
        const results = runChecks(createCheckContext({ ...input, dictionary }));
        return { ...base, ...countBySeverity(results) };
      })();
      this.running.set(key, pending);
      pending.then(
        (summary) => this.done.set(frame.id, summary),
        () => undefined,
      ).finally(() => this.running.delete(key));
    }
    return pending;
  }
}
