import fs from 'node:fs/promises';
import path from 'node:path';
import type { AnnotationService } from '../AnnotationService.ts';
import { parseLabelFile } from '../labels/parseLabelFile.ts';
import { isValidFrameId } from '../dataset/frameId.ts';
import { checkAppendFits } from './checkLabelForImport.ts';
import { fsErrorReason } from '../dataset/fileError.ts';

export interface ImportOptions {
  /** Keep only lines whose score (16th column) is at least this; lines without a score are kept. */
  minScore?: number;
  /** `'replace'` (default): the file's objects replace the frame's boxes; `'append'`: added to them. */
  mode?: 'replace' | 'append';
  /** Who imports, for the activity log. */
  actor?: string | null;
}

export interface ImportSummary {
  /** Frames that got a new revision. */
  imported: { frameId: string; revision: number; boxes: number; dontCare: number; belowScore: number }[];
  /** Label files whose stem is not a frame of the dataset. */
  unknownFrames: string[];
  /** Files that could not be read, with the reason (line and field). */
  errors: { file: string; error: string }[];
  /** The folder the label files were read from, when it is not the one given (a KITTI tree's `training/label_2`). */
  readFrom?: string;
}

/** Sub-folders of a KITTI tree (an export, a dataset) that hold its label files, tried when the folder given holds none. */
const LABEL_SUBFOLDERS = ['training/label_2', 'label_2'];

/** The folder given, or its KITTI tree's label folder when it holds no `.txt` file itself. */
async function labelFolder(dir: string): Promise<{ dir: string; names: string[] }> {
  const txt = async (d: string) => (await fs.readdir(d)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
  const names = await txt(dir);
  if (names.length > 0) return { dir, names };
  for (const sub of LABEL_SUBFOLDERS) {
    const inner = path.join(dir, sub);
    const found = await txt(inner).catch(() => null);
    if (found !== null && found.length > 0) return { dir: inner, names: found };
  }
  return { dir, names };
}

/**
 * Imports a folder of KITTI label files (`LABELDIR/ID.txt`, 15 or 16 columns; a KITTI tree's
 * `training/label_2` or `label_2` when LABELDIR holds none, as a `cuboid export` root) as pre-labels: each
 * frame named by a file gets a new revision whose boxes are `source: 'import'` cuboids (score kept),
 * converted with the frame's calib (or the no-camera convention), DontCare kept. A file is held to
 * the rules of a save (class names, at most 10,000 boxes, counting the frame's own in `append`
 * mode), so an imported frame can always be saved. Files are processed in sorted order; a bad file
 * is reported (file, line and rule) and skipped, never half-imported.
 */
export async function importLabels(service: AnnotationService, labelsDir: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], unknownFrames: [], errors: [] };
  const folder = await labelFolder(labelsDir);
  const names = folder.names;
  if (folder.dir !== labelsDir) {
    summary.readFrom = folder.dir;
    labelsDir = folder.dir;
  }
  for (const name of names) {
    const stem = name.slice(0, -4);
    const frame = isValidFrameId(stem) ? service.dataset.get(stem) : undefined;
    if (frame === undefined) {
      summary.unknownFrames.push(name);
      continue;
    }
    const file = path.join(labelsDir, name);
    try {
      const all = parseLabelFile(await fs.readFile(file, 'utf8'), name);
      const kept = all.filter((o) => o.type === 'DontCare' || opts.minScore === undefined || o.score === undefined || o.score >= opts.minScore);
      if (opts.mode === 'append') {
        // Appended boxes must leave a frame that can still be saved.
        const current = await service.getAnnotation(frame, opts.actor ?? null);
        checkAppendFits(kept, name, { boxes: current.cuboids.length, dontCare: current.dontCare.length });
      }
      const doc = await service.importObjects(frame, kept, {
        mode: opts.mode ?? 'replace',
        actor: opts.actor ?? null,
        detail: { file: path.resolve(file), minScore: opts.minScore ?? null },
      });
      summary.imported.push({
        frameId: frame.id,
        revision: doc.revision,
        boxes: kept.filter((o) => o.type !== 'DontCare').length,
        dontCare: kept.filter((o) => o.type === 'DontCare').length,
        belowScore: all.length - kept.length,
      });
    } catch (err) {
      // A file system error says what is wrong with the file in words (Node's own names no path).
      const code = (err as NodeJS.ErrnoException).code;
      const error = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? fsErrorReason(code) : err instanceof Error ? err.message : String(err);
      summary.errors.push({ file: name, error });
    }
  }
  return summary;
}
