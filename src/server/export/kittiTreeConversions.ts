import type { ExportSummary } from './exportDataset.ts';
import { intensitySentence, mixedKeptSentence } from './intensityReport.ts';

/** The point formats of `converted` files as `.pcd`, `.ply and .las`, ... (in first-seen order). */
export function convertedFormatsText(converted: ExportSummary['converted']): string {
  const formats = [...new Set(converted.map((c) => `.${c.format}`))];
  return formats.length <= 1 ? (formats[0] ?? '.pcd') : `${formats.slice(0, -1).join(', ')} and ${formats[formats.length - 1]}`;
}

/**
 * What a KITTI tree export converted on the way, one sentence each, for the manifest's
 * `conversions` (as the other formats record them): the class mapping first when there is one,
 * then the point files converted or rewritten, the calibs filled, the JPEGs written as PNG, then the
 * frames given the synthetic calib.
 */
export function kittiTreeConversions(summary: ExportSummary, classSentence: string | null): string[] {
  const out: string[] = [];
  if (classSentence !== null) out.push(classSentence);
  const c = summary.converted;
  if (c.length > 0) {
    const dropped = c.reduce((n, x) => n + x.dropped, 0);
    out.push(
      `points: ${c.length} ${convertedFormatsText(c)} file${c.length === 1 ? '' : 's'} converted to KITTI .bin float32 x y z intensity` +
        (dropped > 0 ? `; ${dropped} point${dropped === 1 ? '' : 's'} with a non-finite coordinate dropped` : ''),
    );
  }
  const r = summary.rewrittenBins;
  if (r.length > 0) {
    const dropped = r.reduce((n, x) => n + x.dropped, 0);
    out.push(
      `points: ${r.length} .bin file${r.length === 1 ? '' : 's'} (${[...new Set(r.map((x) => x.layout))].join(', ')}) rewritten as KITTI x y z intensity` +
        (dropped > 0 ? `; ${dropped} point${dropped === 1 ? '' : 's'} with a non-finite coordinate dropped` : ''),
    );
  }
  const rescaled = intensitySentence(summary.intensityRescaled, 1) ?? mixedKeptSentence(summary.intensityKept);
  if (rescaled !== null) out.push(rescaled);
  const f = summary.calibFilled;
  if (f.length > 0) {
    out.push(
      `calib: written in KITTI's line order; ${f.length} lacked matrices (${f.map((c) => `${c.frameId}: ${c.filled.join(' ')}`).join(', ')}): P2 written for a missing P0, P1 or P3, the identity for Tr_imu_to_velo`,
    );
  }
  const j = summary.jpegConverted.length;
  if (j > 0) out.push(`images: ${j} JPEG${j === 1 ? '' : 's'} written as PNG (image_2/ID.png, the name OpenPCDet and mmdet3d open)`);
  const s = summary.syntheticCalib.length;
  if (s > 0) out.push(`${s} frame${s === 1 ? ' has' : 's have'} no calib: the no-camera synthetic calib was written (2D boxes 0 0 0 0)`);
  return out;
}
