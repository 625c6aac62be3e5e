import fs from 'node:fs/promises';
import path from 'node:path';
import type { CheckResult, SequenceCheckResult, Severity } from '../domain/checks/CheckResult.ts';
import { countBySeverity } from '../domain/checks/CheckResult.ts';
import { createCheckContext } from '../domain/checks/createCheckContext.ts';
import { defaultDictionary } from '../domain/checks/dictionary/defaultDictionary.ts';
import type { EdgeCaseDictionary } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import { parseDictionary } from '../domain/checks/dictionary/parseDictionary.ts';
import { runChecks } from '../domain/checks/runChecks.ts';
import { runSequenceChecks } from '../domain/checks/runSequenceChecks.ts';
import type { SequenceFrame } from '../domain/checks/SequenceContext.ts';
import { Dataset } from '../server/dataset/Dataset.ts';
import { SqliteStorage } from '../server/storage/SqliteStorage.ts';
import { readCheckFrame } from '../server/checks/checkFrameInput.ts';
import type { RegionMode } from '../server/checks/checkFrameInput.ts';
import { KittiError } from '../domain/kitti/KittiError.ts';
import { PcdError } from '../domain/pcd/PcdError.ts';
import type { BinLayoutName } from '../domain/pointcloud/binLayouts.ts';

export interface CheckDatasetOptions {
  /** Check only this frame. */
  frame?: string;
  /** A dictionary file; default `DIR/.cuboid/dictionary.json`, else the built-in KITTI one. */
  dictionary?: string;
  region?: RegionMode;
  /** The layout of the dataset's raw `.bin` files (`--bin-layout`); default `cuboid.json`, the name, or detection. */
  binLayout?: BinLayoutName | undefined;
}

export interface FrameCheckReport {
  frameId: string;
  points: number;
  boxes: number;
  labelSource: 'database' | 'label_2' | 'none';
  /** Whether missed objects were searched in camera 2's view only. */
  cameraOnly: boolean;
  results: CheckResult[];
}

export interface DatasetCheckReport {
  dataset: string;
  layout: 'kitti' | 'flat';
  dictionary: { source: string; version: number };
  frames: FrameCheckReport[];
  /** Cross-frame results (tracks), in frame order. */
  sequence: SequenceCheckResult[];
  totals: Record<Severity, number>;
  /** Counts per rule id and severity, over frames and sequence. */
  byRule: Record<string, Record<Severity, number>>;
}

/**
 * Runs every check over a dataset folder (read-only): each frame's boxes from the database
 * (`.cuboid/cuboid.db`) when it has the frame, else from `label_2`, against the frame's points;
 * then the cross-frame rules over all frames in id order.
 *
 * A frame whose point, label or calib file cannot be read gets one `unreadableFrame` error naming
 * the file and the problem, and the run goes on.
 * @throws Error naming the file for an unreadable dataset or dictionary
 */
export async function checkDataset(dir: string, opts: CheckDatasetOptions = {}): Promise<DatasetCheckReport> {
  const dataset = await Dataset.scan(dir, opts.binLayout !== undefined ? { binLayout: opts.binLayout } : {});
  const ids = opts.frame === undefined ? dataset.ids() : [opts.frame];
  const frames = ids.map((id) => {
    const f = dataset.get(id);
    if (f === undefined) throw new Error(`frame "${id}" is not in ${dataset.root}`);
    return f;
  });
  const { dictionary, source } = await loadDictionary(dataset.root, opts.dictionary);
  const dbPath = path.join(dataset.root, '.cuboid', 'cuboid.db');
  const storage = (await exists(dbPath)) ? SqliteStorage.open(dbPath) : null;
  const reports: FrameCheckReport[] = [];
  const sequenceFrames: SequenceFrame[] = [];
  try {
    for (const frame of frames) {
      const stored = storage === null ? null : await storage.getAnnotation(frame.id);
      let input: Awaited<ReturnType<typeof readCheckFrame>>;
      try {
        input = await readCheckFrame(frame, stored, opts.region ?? 'auto');
      } catch (err) {
        // One broken file fails its frame, not the run: the other frames are still checked.
        if (!(err instanceof PcdError || err instanceof KittiError)) throw err;
        reports.push({
          frameId: frame.id,
          points: 0,
          boxes: stored?.cuboids.length ?? 0,
          labelSource: stored !== null ? 'database' : frame.labelPath !== null ? 'label_2' : 'none',
          cameraOnly: false,
          results: [{ ruleId: 'unreadableFrame', severity: 'error', cuboidId: null, location: null, message: err.message, dictionaryEntry: null }],
        });
        continue;
      }
      const ctx = createCheckContext({ ...input, dictionary });
      reports.push({
        frameId: frame.id,
        points: Math.floor(input.positions.length / 3),
        boxes: input.cuboids.length,
        labelSource: input.labelSource,
        cameraOnly: input.labelRegion !== undefined,
        results: runChecks(ctx),
      });
      sequenceFrames.push({ frameId: frame.id, cuboids: input.cuboids });
    }
  } finally {
    await storage?.close();
  }
  const sequence = runSequenceChecks(sequenceFrames, dictionary);
  const all: CheckResult[] = [...reports.flatMap((r) => r.results), ...sequence];
  const byRule: Record<string, Record<Severity, number>> = {};
  for (const r of all) {
    byRule[r.ruleId] ??= { error: 0, warning: 0, info: 0 };
    byRule[r.ruleId][r.severity]++;
  }
  return {
    dataset: dataset.root,
    layout: dataset.layout,
    dictionary: { source, version: dictionary.version },
    frames: reports,
    sequence,
    totals: countBySeverity(all),
    byRule,
  };
}

async function loadDictionary(root: string, file?: string): Promise<{ dictionary: EdgeCaseDictionary; source: string }> {
  const candidate = file ?? path.join(root, '.cuboid', 'dictionary.json');
  if (file === undefined && !(await exists(candidate))) {
    return { dictionary: defaultDictionary, source: 'built-in KITTI default' };
  }
  const text = await fs.readFile(candidate, 'utf8').catch((err: unknown) => {
    throw new Error(`cannot read dictionary ${candidate}: ${err instanceof Error ? err.message : String(err)}`);
  });
  return { dictionary: parseDictionary(text, candidate), source: candidate };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}
