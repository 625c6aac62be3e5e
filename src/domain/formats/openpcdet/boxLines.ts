import { formatFixed } from '../../kitti/formatFixed.ts';
import { wrapAngle } from '../../kitti/wrapAngle.ts';
import type { Cuboid } from '../../types.ts';
import { formatError } from '../common/FormatError.ts';
import { roundTo } from '../common/roundTo.ts';
import { settle } from '../common/settle.ts';

/** Decimals written for metres and radians: rounding moves a box by at most 5e-7 m / 5e-7 rad. */
export const BOX_LINE_DIGITS = 6;

/** A box as an OpenPCDet / mmdet3d custom label line describes it. */
export interface BoxLine {
  /** Box centre, LiDAR frame (x forward, y left, z up), metres. */
  center: [number, number, number];
  /** `[dx, dy, dz]`: length along the heading, width, height, metres. */
  size: [number, number, number];
  /** Heading about +z from +x, radians in [−π, π). */
  yaw: number;
  label: string;
  /** Detection confidence (a ninth column: detector results only; OpenPCDet's own reader takes 8). */
  score?: number;
}

/** The seven written numbers of a box (rounded), settled so that reading them back writes them again. */
export function boxLineValues(c: Pick<Cuboid, 'center' | 'size' | 'yaw'>): number[] {
  const encode = (b: Pick<Cuboid, 'center' | 'size' | 'yaw'>): number[] => [...b.center, ...b.size, wrapAngle(b.yaw)].map((v) => roundTo(v, BOX_LINE_DIGITS));
  const decode = (v: number[]): Pick<Cuboid, 'center' | 'size' | 'yaw'> => ({ center: [v[0], v[1], v[2]], size: [v[3], v[4], v[5]], yaw: v[6] });
  return settle(c, encode, decode).values;
}

/**
 * Writes boxes as OpenPCDet's custom-dataset label text (`pcdet/datasets/custom/custom_dataset.py`
 * reads `x y z dx dy dz heading_angle category_name` per line, every value but the last as a float),
 * which is also mmdetection3d's custom label format (`x y z dx dy dz yaw category_name`). The
 * centre is the box's geometric centre in the LiDAR frame; `%.6f`; LF after every line. No score
 * column: both readers take the last column as the class.
 */
export function formatBoxLines(cuboids: readonly Cuboid[]): string {
  let out = '';
  for (const c of cuboids) {
    const v = boxLineValues(c);
    out += `${v.map((x) => formatFixed(x, BOX_LINE_DIGITS)).join(' ')} ${c.label}\n`;
  }
  return out;
}

/**
 * Reads OpenPCDet / mmdet3d custom label text: 8 values per line (`x y z dx dy dz heading name`),
 * or 9 with a detection score after the name (detector results). Blank lines are skipped.
 * @throws FormatError naming the file, line and field for a wrong value count, a value that is not
 *   a finite number, or a size that is not above 0
 */
export function parseBoxLines(text: string, fileName: string): BoxLine[] {
  const out: BoxLine[] = [];
  const fields = ['x', 'y', 'z', 'dx', 'dy', 'dz', 'heading_angle'];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${i + 1}`;
    const t = line.split(/\s+/);
    if (t.length !== 8 && t.length !== 9) {
      throw formatError(fileName, where, `expected 8 values (x y z dx dy dz heading_angle category_name) or 9 with a score, found ${t.length}`);
    }
    const v = fields.map((field, k) => {
      const n = Number(t[k]);
      if (t[k] === '' || !Number.isFinite(n)) throw formatError(fileName, `${where}, field "${field}"`, `"${t[k]}" is not a number`, field);
      return n;
    });
    for (const k of [3, 4, 5]) if (!(v[k] > 0)) throw formatError(fileName, `${where}, field "${fields[k]}"`, `${t[k]} is not above 0`, fields[k]);
    const box: BoxLine = { center: [v[0], v[1], v[2]], size: [v[3], v[4], v[5]], yaw: v[6], label: t[7] };
    if (t.length === 9) {
      const score = Number(t[8]);
      if (!Number.isFinite(score)) throw formatError(fileName, `${where}, field "score"`, `"${t[8]}" is not a number`, 'score');
      box.score = score;
    }
    out.push(box);
  });
  return out;
}
