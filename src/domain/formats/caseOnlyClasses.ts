import { KITTI_CLASSES } from '../types.ts';

/**
 * Classes of `labels` that differ from a KITTI class only in case (`car` for `Car`): OpenPCDet's
 * and mmdet3d's KITTI readers compare class names case-sensitively, so such boxes are dropped
 * from training in silence. Each once, with the KITTI spelling.
 */
export function caseOnlyClasses(labels: Iterable<string>): { label: string; kitti: string }[] {
  const out: { label: string; kitti: string }[] = [];
  for (const label of new Set(labels)) {
    const kitti = KITTI_CLASSES.find((k) => k !== label && k.toLowerCase() === label.toLowerCase());
    if (kitti !== undefined) out.push({ label, kitti });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** The warning for `caseOnlyClasses`, or null when there is none. */
export function caseOnlyClassesText(found: readonly { label: string; kitti: string }[]): string | null {
  if (found.length === 0) return null;
  return (
    `warning: class${found.length === 1 ? '' : 'es'} ${found.map((f) => `"${f.label}" (KITTI "${f.kitti}")`).join(', ')} ` +
    'differ from KITTI classes only in case: OpenPCDet and mmdet3d compare class names case-sensitively and would drop those boxes'
  );
}
