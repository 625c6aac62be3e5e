import fs from 'node:fs/promises';
import path from 'node:path';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import { emptyAnnotation } from '../../domain/document/FrameAnnotation.ts';
import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import { formatAnnotationLabel } from '../../domain/kitti/formatAnnotationLabel.ts';
import { kittiToCuboid } from '../../domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../domain/kitti/parseKittiCalib.ts';
import { parseLabelFile } from '../labels/parseLabelFile.ts';
import { FrameFileError } from '../dataset/FrameFileError.ts';
import type { BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import { Dataset, type DatasetFrame, type DatasetScanOptions } from '../dataset/Dataset.ts';
import { frameFileName, readFrameFile } from '../dataset/frameFiles.ts';
import { defaultStateDir } from '../dataset/bucketUrl.ts';
import { readImageSize } from '../dataset/frameFileInfo.ts';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { PostgresStorage } from '../storage/PostgresStorage.ts';
import type { Storage } from '../storage/Storage.ts';
import { shippedDocument } from '../dataset/layouts/shippedDocument.ts';
import type { ExportSource } from './ExportSource.ts';
import { acceptedDocumentOf } from '../review/acceptedDocument.ts';

/**
 * An export source that only reads: each frame's document is the stored revision when the dataset's
 * database exists (`DATA/.cuboid/cuboid.db`, or `STATE/cuboid.db`), else its shipped `label_2`
 * file, parsed and never imported; nothing is created in the dataset or the state folder.
 */
export class ReadOnlyExportSource implements ExportSource {
  readonly dataset: Dataset;
  private readonly storage: Storage | null;

  private constructor(dataset: Dataset, storage: Storage | null) {
    this.dataset = dataset;
    this.storage = storage;
  }

  /**
   * Scans the dataset and opens its database if there is one (none yet: every frame's `label_2`).
   * @throws DatasetError for a folder that is not a dataset
   */
  static async open(opts: {
    dataDir: string;
    stateDir?: string;
    binLayout?: BinLayoutName;
    db?: string;
    /** Where the scan parses a nuScenes dataset's tables (`cuboid worker`: its check pool); default this thread. */
    runTask?: DatasetScanOptions['runTask'];
  }): Promise<ReadOnlyExportSource> {
    const dataset = await Dataset.scan(opts.dataDir, {
      ...(opts.binLayout !== undefined ? { binLayout: opts.binLayout } : {}),
      ...(opts.runTask !== undefined ? { runTask: opts.runTask } : {}),
    });
    // A team's PostgreSQL database (`--db`) is the truth when given; it is only read.
    if (opts.db !== undefined) return new ReadOnlyExportSource(dataset, await PostgresStorage.open(opts.db, { migrate: false }));
    const dbPath = path.join(opts.stateDir !== undefined ? path.resolve(opts.stateDir) : defaultStateDir(opts.dataDir), 'cuboid.db');
    const exists = await fs.stat(dbPath).then(
      (s) => s.isFile(),
      () => false,
    );
    return new ReadOnlyExportSource(dataset, exists ? SqliteStorage.open(dbPath) : null);
  }

  async getAnnotation(frame: DatasetFrame): Promise<FrameAnnotation> {
    const stored = this.storage === null ? null : await this.storage.getAnnotation(frame.id);
    if (stored !== null) return stored;
    if (frame.shipped != null) {
      if (frame.shipped.problem !== undefined) throw new FrameFileError('label_invalid', frame.shipped.problem);
      return shippedDocument(frame.id, frame.shipped);
    }
    if (frame.labelPath === null) return emptyAnnotation(frame.id);
    if (frame.calibMissing !== undefined) throw new FrameFileError('calib_invalid', frame.calibMissing);
    // The rules a save and an import hold a label file to (class names, at most 10,000 boxes): export writes nothing serve would refuse.
    const objects = parseLabelFile((await readFrameFile(frame, frame.labelPath)).toString('utf8'), frameFileName(frame, frame.labelPath));
    const calib = await this.calib(frame);
    const doc = emptyAnnotation(frame.id);
    objects.forEach((o, i) => {
      if (o.type === 'DontCare') doc.dontCare.push(o);
      else doc.cuboids.push(kittiToCuboid(o, calib, { id: `label-${i + 1}` }));
    });
    return doc;
  }

  async acceptedDocument(current: FrameAnnotation): Promise<FrameAnnotation | null> {
    return this.storage === null ? null : acceptedDocumentOf(this.storage, current);
  }

  async formatLabel(frame: DatasetFrame, doc: FrameAnnotation): Promise<string> {
    return formatAnnotationLabel(doc, await this.calib(frame), await readImageSize(frame));
  }

  async close(): Promise<void> {
    await this.storage?.close();
  }

  private async calib(frame: DatasetFrame): Promise<KittiCalib | null> {
    if (frame.calibPath === null) return null;
    return parseKittiCalib((await readFrameFile(frame, frame.calibPath)).toString('utf8'), { fileName: path.basename(frame.calibPath) });
  }
}
