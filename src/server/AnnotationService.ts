import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import { emptyAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';
import type { KittiObject } from '../domain/kitti/KittiObject.ts';
import { formatAnnotationLabel } from '../domain/kitti/formatAnnotationLabel.ts';
import { kittiToCuboid } from '../domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../domain/kitti/parseKittiCalib.ts';
import type { Cuboid } from '../domain/types.ts';
import { FrameLocks } from './FrameLocks.ts';
import { FileMemo } from './dataset/FileMemo.ts';
import { FrameFileError } from './dataset/FrameFileError.ts';
import { parseLabelFile } from './labels/parseLabelFile.ts';
import type { Dataset, DatasetFrame } from './dataset/Dataset.ts';
import { frameFileSignature, frameFileSize, readFrameFile } from './dataset/frameFiles.ts';
import { displayPath } from './dataset/fileError.ts';
import { countLabelBoxes, readImageSize } from './dataset/frameFileInfo.ts';
import { readPointCount } from './dataset/readPointCount.ts';
import { FolderLabelStore, type LabelStore } from './labels/LabelStore.ts';
import type { ShippedLabels } from './dataset/layouts/SequenceScan.ts';
import { shippedDocument } from './dataset/layouts/shippedDocument.ts';
import type { AssignmentPatch, RevisionSource, Storage } from './storage/Storage.ts';
import { acceptedDocumentOf } from './review/acceptedDocument.ts';

export type SaveOutcome = { ok: true; doc: FrameAnnotation; labelWritten: boolean; labelError?: string } | { ok: false; current: FrameAnnotation };

export interface LabelWriteResult {
  written: boolean;
  error?: string;
}

/** Who acts, for the activity log (`null` = unknown). */
export type Actor = string | null;

/** How a save is recorded: revision source, activity action and detail, assignment changes. */
export interface SaveRecordOptions {
  /** Default `save`. */
  source?: RevisionSource;
  /** Activity-log action; default the source. */
  action?: string;
  detail?: Record<string, unknown>;
  assignment?: AssignmentPatch;
}

/**
 * The annotation workflow over one dataset: reads frames' documents (importing shipped label files
 * on first open), saves with optimistic concurrency, and keeps `label_2/ID.txt` in step with the
 * stored revision. Routes, the CLI's export and import all go through it.
 */
export class AnnotationService {
  readonly dataset: Dataset;
  readonly storage: Storage;
  /** Where label files are written (`DATA/label_2`, or `STATE/label_2` with `--state`; `s3://BUCKET/PREFIX/label_2` for a bucket). */
  readonly labelsDir: string;
  /** Writes the label files (a folder or the dataset's bucket). */
  readonly labels: LabelStore;
  /** Label writes of one frame never overlap: in this process, and with a shared lock (PostgreSQL) in any replica. */
  private readonly locks: FrameLocks;
  // Facts read from a frame's files, kept while the file's signature (a local stat, a bucket ETag) is the same.
  private readonly sign = (file: string): Promise<string> => frameFileSignature({ source: this.dataset.source.spec }, file);
  private readonly calibs = new FileMemo<KittiCalib | null>(this.sign);
  private readonly imageSizes = new FileMemo<[number, number]>(this.sign);
  private readonly pointCounts = new FileMemo<number | null>(this.sign);
  private readonly shippedLabels = new FileMemo<{ count: number; problem: string | null }>(this.sign);

  /**
   * `in-request`: a save answers after its label file is written (`labelWritten` says whether it
   * was). `after-ack`: a save answers as soon as its revision is committed and the label write
   * follows in the background (`labelWritten: false`, "not yet"); the frame is marked dirty in the
   * same commit, so a crash before the write is repaired on the next start (`syncDirtyLabels`).
   */
  readonly labelWrites: 'in-request' | 'after-ack';
  /** Frames with a background label write queued and not yet started (a later save joins it: it writes the newest revision). */
  private readonly queuedLabels = new Set<string>();
  /** Background label writes not yet settled (awaited by `drainLabelWrites`). */
  private readonly backgroundLabels = new Set<Promise<unknown>>();

  constructor(opts: { dataset: Dataset; storage: Storage; labelsDir: string; labels?: LabelStore; labelWrites?: 'in-request' | 'after-ack' }) {
    this.dataset = opts.dataset;
    this.storage = opts.storage;
    this.labelsDir = opts.labelsDir;
    this.labels = opts.labels ?? new FolderLabelStore(opts.labelsDir);
    this.locks = new FrameLocks(opts.storage.sharedLocks);
    this.labelWrites = opts.labelWrites ?? 'in-request';
  }

  /** Path of the label file the server writes for a frame (the id comes from the dataset index). */
  labelPath(frame: DatasetFrame): string {
    return this.labels.describe(frame.id);
  }

  /**
   * The frame's calibration, or null when it has none. Read again whenever the file changes (a
   * corrected calib is used at once). @throws FrameFileError for a bad file, DatasetFileError
   * naming it for a missing or unreadable one.
   */
  calib(frame: DatasetFrame): Promise<KittiCalib | null> {
    const calibPath = frame.calibPath;
    if (calibPath === null) return Promise.resolve(null);
    return this.calibs.get(frame.id, calibPath, async () => {
      const text = (await readFrameFile(frame, calibPath)).toString('utf8');
      try {
        // Named as in the dataset (`calib/000001.txt`), not only by its base name, which label_2 shares.
        return parseKittiCalib(text, { fileName: this.dataset.source.display(calibPath) });
      } catch (err) {
        throw new FrameFileError('calib_invalid', errorMessage(err));
      }
    });
  }

  /** Image 2 size `[width, height]` in pixels (PNG header, else 1242×375); read again when the image changes. */
  imageSize(frame: DatasetFrame): Promise<[number, number]> {
    const image = frame.image;
    if (image === null) return readImageSize(frame);
    return this.imageSizes.get(frame.id, image.path, () => readImageSize(frame));
  }

  /**
   * The frame list of `GET /api/frames`, in dataset order. The dataset folders are re-listed first
   * when they changed (frames added or removed), and point counts follow each file's stat.
   */
  async listFrames(): Promise<FrameListItem[]> {
    await this.dataset.refresh();
    const states = await this.storage.listFrameStates();
    const frames = this.dataset.ids().map((id) => this.dataset.get(id) as DatasetFrame);
    return mapLimit(frames, 16, async (frame) => {
      const state = states.get(frame.id);
      const pointCount = await this.pointCounts
        .get(frame.id, frame.points.path, async () => {
          const bytes = await frameFileSize(frame, frame.points.path).catch(() => null);
          return bytes === null ? null : readPointCount({ ...frame, points: { ...frame.points, bytes } });
        })
        .catch(() => null);
      const shipped = state === undefined ? await this.shippedLabel(frame) : null;
      const calibProblem = frame.calibMissing ?? (await this.calib(frame).then(() => null, errorMessage));
      const boxCount = state?.boxCount ?? shipped?.count ?? 0;
      return {
        id: frame.id,
        pointsFile: path.basename(frame.points.path),
        hasCalib: frame.calibPath !== null,
        // image_2, or a nuScenes sample's camera keyframes (other KITTI image_N folders are listed on request: GET /cameras).
        hasImage: frame.image !== null || (frame.cameras?.some((c) => c.image !== null) ?? false),
        hasLabel: frame.labelPath !== null || frame.shipped != null || state !== undefined,
        pointCount,
        status: state?.status ?? 'todo',
        boxCount,
        revision: state?.revision ?? 0,
        ...(state !== undefined && state.openFlags > 0 ? { openFlags: state.openFlags } : {}),
        ...(shipped?.problem != null ? { labelProblem: shipped.problem } : {}),
        ...(calibProblem !== null ? { calibProblem } : {}),
      };
    });
  }

  /**
   * The current document. A frame never stored whose dataset has a label file gets it imported as
   * revision 1 (boxes `source: 'import'`, DontCare kept); otherwise an empty revision-0 document.
   * @throws FrameFileError when that label or calib file cannot be read.
   */
  async getAnnotation(frame: DatasetFrame, actor: Actor = null): Promise<FrameAnnotation> {
    const stored = await this.storage.getAnnotation(frame.id);
    if (stored !== null) return stored;
    if (frame.shipped?.problem !== undefined) throw new FrameFileError('label_invalid', frame.shipped.problem);
    if (frame.shipped != null) return this.importShipped(frame, frame.shipped, actor);
    if (frame.labelPath === null) return emptyAnnotation(frame.id);
    if (frame.calibMissing !== undefined) throw new FrameFileError('calib_invalid', frame.calibMissing);
    const objects = parseLabelFile((await readFrameFile(frame, frame.labelPath)).toString('utf8'), this.dataset.source.display(frame.labelPath));
    const doc = await this.documentFromKitti(frame, objects, emptyAnnotation(frame.id), 'replace');
    const result = await this.storage.saveAnnotation({
      doc,
      baseRevision: 0,
      user: actor,
      source: 'import',
      detail: { file: this.dataset.source.display(frame.labelPath), onFirstOpen: true },
    });
    if (!result.ok) return result.current ?? emptyAnnotation(frame.id);
    await this.followLabel(frame);
    return result.doc;
  }

  /**
   * Stores `doc` as the revision after `baseRevision`, then rewrites the label file. A stale base
   * returns the current document and stores nothing. The label write happens after the commit; if it
   * fails the save still stands and the file stays marked dirty for the next save or export.
   * This is the raw save: the review rules (roles, locks, server-owned status and flags) are
   * `ReviewService`'s.
   */
  async saveAnnotation(frame: DatasetFrame, doc: FrameAnnotation, baseRevision: number, actor: Actor, record: SaveRecordOptions = {}): Promise<SaveOutcome> {
    if (baseRevision === 0) {
      // A frame with a shipped label must be imported before anyone can build on revision 0.
      const current = await this.getAnnotation(frame, actor);
      if (current.revision !== 0) return { ok: false, current };
    }
    const result = await this.storage.saveAnnotation({
      doc: { ...doc, frameId: frame.id },
      baseRevision,
      user: actor,
      source: record.source ?? 'save',
      ...(record.action !== undefined ? { action: record.action } : {}),
      ...(record.detail !== undefined ? { detail: record.detail } : {}),
      ...(record.assignment !== undefined ? { assignment: record.assignment } : {}),
    });
    if (!result.ok) return { ok: false, current: result.current ?? emptyAnnotation(frame.id) };
    if (this.labelWrites === 'after-ack') {
      this.scheduleLabelWrite(frame);
      return { ok: true, doc: result.doc, labelWritten: false };
    }
    const label = await this.writeLabel(frame);
    return { ok: true, doc: result.doc, labelWritten: label.written, ...(label.error ? { labelError: label.error } : {}) };
  }

  /**
   * Queues the frame's label write after the current one (if any) and returns at once. Saves that
   * arrive while a write is queued share it: it renders whatever revision is stored when it starts.
   * A failure leaves the frame dirty (retried by the label sync).
   */
  scheduleLabelWrite(frame: DatasetFrame): void {
    if (this.queuedLabels.has(frame.id)) return;
    this.queuedLabels.add(frame.id);
    const write = this.locks
      .run(frame.id, () => {
        this.queuedLabels.delete(frame.id);
        return this.writeCurrentLabel(frame);
      })
      .catch((err: unknown): LabelWriteResult => {
        // The shared lock could not be taken (no lock connection in time, the database gone): the
        // frame stays dirty and the label sync writes it. A rejection here would end the process.
        this.queuedLabels.delete(frame.id);
        console.warn(`cuboid: the label of frame ${frame.id} was not written (it stays marked for the label sync): ${errorMessage(err)}`);
        return { written: false, error: errorMessage(err) };
      });
    this.backgroundLabels.add(write);
    void write.finally(() => this.backgroundLabels.delete(write));
  }

  /** After a commit that is not a save (an import on first open, a pre-label import): the label write, awaited or queued as `labelWrites` says. */
  private async followLabel(frame: DatasetFrame): Promise<void> {
    if (this.labelWrites === 'after-ack') this.scheduleLabelWrite(frame);
    else await this.writeLabel(frame);
  }

  /** Waits for every background label write started so far (before closing the storage). */
  async drainLabelWrites(): Promise<void> {
    while (this.backgroundLabels.size > 0) await Promise.allSettled([...this.backgroundLabels]);
  }

  /**
   * Imports KITTI objects (model pre-labels) into a frame as a new revision: boxes become
   * `source: 'import'` cuboids; `mode` `'replace'` drops the frame's boxes and DontCare regions,
   * `'append'` keeps them. Retries on a concurrent save.
   */
  async importObjects(
    frame: DatasetFrame,
    objects: KittiObject[],
    opts: { mode: 'replace' | 'append'; actor: Actor; detail?: Record<string, unknown> },
  ): Promise<FrameAnnotation> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.getAnnotation(frame, opts.actor);
      const doc = await this.documentFromKitti(frame, objects, current, opts.mode);
      const result = await this.storage.saveAnnotation({
        doc,
        baseRevision: current.revision,
        user: opts.actor,
        source: 'import',
        detail: opts.detail,
      });
      if (result.ok) {
        await this.followLabel(frame);
        return result.doc;
      }
      if (attempt >= 5) throw new Error(`import: frame ${frame.id} kept changing during the import`);
    }
  }

  /** The document as a reviewer accepted it, when `current` was changed since (`ExportSource.acceptedDocument`). */
  acceptedDocument(current: FrameAnnotation): Promise<FrameAnnotation | null> {
    return acceptedDocumentOf(this.storage, current);
  }

  /**
   * The KITTI label text of a document, with the frame's calib (or the no-camera convention): its
   * boxes, its DontCare regions, and a DontCare line for each "not an object" dismissal that
   * projects into the camera image (`dismissalToDontCare`; none without a real calibration).
   */
  async formatLabel(frame: DatasetFrame, doc: FrameAnnotation): Promise<string> {
    return formatAnnotationLabel(doc, await this.calib(frame), await this.imageSize(frame));
  }

  /** The label text of the current revision (importing a shipped label on first use). */
  async labelText(frame: DatasetFrame): Promise<string> {
    return this.formatLabel(frame, await this.getAnnotation(frame));
  }

  /**
   * Writes the label file of the frame's current stored revision, serialised per frame, skipping
   * the write when the file already holds that text. Never throws: a failure is returned and the
   * frame stays dirty.
   */
  writeLabel(frame: DatasetFrame): Promise<LabelWriteResult> {
    return this.locks.run(frame.id, () => this.writeCurrentLabel(frame));
  }

  /** The body of a label write; run only under the frame's lock. Never throws. */
  private async writeCurrentLabel(frame: DatasetFrame): Promise<LabelWriteResult> {
    try {
      const doc = await this.storage.getAnnotation(frame.id);
      if (doc === null) return { written: false };
      const text = await this.formatLabel(frame, doc);
      await this.labels.writeIfChanged(frame.id, text);
      await this.storage.markLabelWritten(frame.id, doc.revision);
      return { written: true };
    } catch (err) {
      return { written: false, error: this.writeErrorMessage(err) };
    }
  }

  /** A label write failure for the client: the file relative to the dataset (never a server path) and the errno code. */
  private writeErrorMessage(err: unknown): string {
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code === 'string' && typeof e.path === 'string') return `cannot write ${displayPath(this.dataset.root, e.path)} (${e.code})`;
    return errorMessage(err);
  }

  /** Rewrites every label marked dirty (after a failed write or a crash). */
  async syncDirtyLabels(): Promise<{ written: string[]; failed: { frameId: string; error: string }[] }> {
    const written: string[] = [];
    const failed: { frameId: string; error: string }[] = [];
    for (const id of await this.storage.listDirtyLabels()) {
      const frame = this.dataset.get(id);
      if (frame === undefined) continue;
      const result = await this.writeLabel(frame);
      if (result.written) written.push(id);
      else failed.push({ frameId: id, error: result.error ?? 'not written' });
    }
    return { written, failed };
  }

  /** Stores the labels a sequence dataset ships for the frame as its first revision (see `getAnnotation`). */
  private async importShipped(frame: DatasetFrame, shipped: ShippedLabels, actor: Actor): Promise<FrameAnnotation> {
    const doc = shippedDocument(frame.id, shipped);
    const result = await this.storage.saveAnnotation({
      doc,
      baseRevision: 0,
      user: actor,
      source: 'import',
      detail: { file: shipped.file, onFirstOpen: true },
    });
    if (!result.ok) return result.current ?? emptyAnnotation(frame.id);
    await this.followLabel(frame);
    return result.doc;
  }

  /** Boxes in a never-saved frame's label file, and why it cannot be imported (null: it can). */
  private async shippedLabel(frame: DatasetFrame): Promise<{ count: number; problem: string | null }> {
    if (frame.shipped != null) return { count: frame.shipped.cuboids.length, problem: frame.shipped.problem ?? null };
    if (frame.labelPath === null) return { count: 0, problem: null };
    const labelPath = frame.labelPath;
    return this.shippedLabels
      .get(frame.id, labelPath, async () => {
        const text = (await readFrameFile(frame, labelPath)).toString('utf8');
        try {
          parseLabelFile(text, this.dataset.source.display(labelPath));
          return { count: countLabelBoxes(text), problem: null };
        } catch (err) {
          return { count: countLabelBoxes(text), problem: errorMessage(err) };
        }
      })
      .catch((err: unknown) => ({ count: 0, problem: errorMessage(err) }));
  }

  private async documentFromKitti(frame: DatasetFrame, objects: KittiObject[], base: FrameAnnotation, mode: 'replace' | 'append'): Promise<FrameAnnotation> {
    const calib = await this.calib(frame);
    const cuboids: Cuboid[] = [];
    const dontCare: KittiObject[] = [];
    for (const obj of objects) {
      if (obj.type === 'DontCare') dontCare.push(obj);
      else cuboids.push(kittiToCuboid(obj, calib, { id: randomUUID() }));
    }
    return mode === 'replace' ? { ...base, cuboids, dontCare } : { ...base, cuboids: [...base.cuboids, ...cuboids], dontCare: [...base.dontCare, ...dontCare] };
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
