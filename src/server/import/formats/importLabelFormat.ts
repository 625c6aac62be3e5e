import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { MAX_ITEMS_PER_FRAME } from '../../../domain/document/validateAnnotation.ts';
import { classNameProblem, quoteClassName } from '../../../domain/document/className.ts';
import type { ImportFormat } from '../../../domain/formats/LabelFormats.ts';
import type { AnnotationService } from '../../AnnotationService.ts';
import type { ImportOptions, ImportSummary } from '../importLabels.ts';
import { readLabelFormat } from './readLabelFormat.ts';

/**
 * Imports labels of another format than KITTI `label_2` (see `readLabelFormat`) as pre-labels:
 * each frame named by the labels gets a new revision whose boxes are the imported LiDAR-frame
 * cuboids (`source: 'import'`, fresh ids, track ids and scores kept; boxes below `minScore`
 * dropped, boxes without a score kept). `replace` (default) drops the frame's boxes and DontCare
 * regions, `append` keeps them. A frame whose boxes break the save rules (a class name, more than
 * 10,000 boxes) is reported and left as it was. Retries a frame saved concurrently.
 */
export async function importLabelFormat(
  service: AnnotationService,
  labelsPath: string,
  format: Exclude<ImportFormat, 'kitti'>,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const read = await readLabelFormat(service.dataset, labelsPath, format);
  const summary: ImportSummary = { imported: [], unknownFrames: read.unknownFrames, errors: [...read.errors] };
  const actor = opts.actor ?? null;
  for (const f of read.frames) {
    const frame = service.dataset.get(f.frameId);
    if (frame === undefined) continue;
    const kept = f.cuboids.filter((c) => opts.minScore === undefined || c.score === undefined || c.score >= opts.minScore);
    const bad = kept.find((c) => classNameProblem(c.label) !== null);
    if (bad !== undefined) {
      summary.errors.push({ file: path.basename(labelsPath), error: `frame ${f.frameId}: class ${quoteClassName(bad.label)}: ${classNameProblem(bad.label)}` });
      continue;
    }
    try {
      for (let attempt = 0; ; attempt++) {
        const current = await service.getAnnotation(frame, actor);
        const cuboids = kept.map((c) => ({ ...c, id: randomUUID() }));
        const doc =
          opts.mode === 'append'
            ? { ...current, cuboids: [...current.cuboids, ...cuboids], dontCare: [...current.dontCare, ...f.dontCare] }
            : { ...current, cuboids, dontCare: [...f.dontCare] };
        if (doc.cuboids.length > MAX_ITEMS_PER_FRAME || doc.dontCare.length > MAX_ITEMS_PER_FRAME) {
          throw new Error(`frame ${f.frameId}: more than ${MAX_ITEMS_PER_FRAME} boxes or DontCare regions, the most a frame can save`);
        }
        const result = await service.saveAnnotation(frame, doc, current.revision, actor, {
          source: 'import',
          detail: { file: path.resolve(labelsPath), format, minScore: opts.minScore ?? null },
        });
        if (result.ok) {
          summary.imported.push({
            frameId: f.frameId,
            revision: result.doc.revision,
            boxes: kept.length,
            dontCare: f.dontCare.length,
            belowScore: f.cuboids.length - kept.length,
          });
          break;
        }
        if (attempt >= 5) throw new Error(`frame ${f.frameId} kept changing during the import`);
      }
    } catch (err) {
      summary.errors.push({ file: path.basename(labelsPath), error: err instanceof Error ? err.message : String(err) });
    }
  }
  return summary;
}
