import { MATERIALS } from '../materials.ts';
import { axisBox, cylinder, ellipsoid, orientedBox } from '../primitives/makePrimitive.ts';
import type { Primitive } from '../primitives/Primitive.ts';
import type { Rng } from '../rng.ts';
import { sidewalkTop, streetBlocks } from './buildStreet.ts';

/** A tree: a trunk cylinder and a porous ellipsoid crown (world frame). */
export function buildTree(rng: Rng, x: number, y: number, base: number): Primitive[] {
  const trunkR = rng.uniform(0.12, 0.22);
  const trunkH = rng.uniform(2.2, 3.2);
  const rxy = rng.uniform(1.5, 2.6);
  const rz = rng.uniform(1.8, 3.0);
  return [
    cylinder(x, y, trunkR, base - 0.1, base + trunkH + 0.6 * rz, MATERIALS.bark),
    ellipsoid([x, y, base + trunkH + 0.7 * rz], [rxy * rng.uniform(0.85, 1.15), rxy, rz], rng.uniform(0, Math.PI), MATERIALS.foliage),
  ];
}

/** A street lamp: a tall pole with an arm reaching over the road (side = sign of y). */
export function buildLamp(x: number, y: number, base: number, side: number): Primitive[] {
  const h = 7.5;
  const armY0 = side > 0 ? y - 1.6 : y;
  const armY1 = side > 0 ? y : y + 1.6;
  return [
    cylinder(x, y, 0.09, base - 0.1, base + h, MATERIALS.metalPole),
    axisBox([x - 0.05, armY0, base + h - 0.12], [x + 0.05, armY1, base + h], MATERIALS.metalPole),
    axisBox([x - 0.25, y - side * 1.8 - 0.15, base + h - 0.3], [x + 0.25, y - side * 1.8 + 0.15, base + h - 0.05], MATERIALS.metalPole),
  ];
}

/** A traffic sign on a thin pole; its retroreflective face looks along ∓x (towards traffic). */
export function buildSign(x: number, y: number, base: number): Primitive[] {
  return [
    cylinder(x, y, 0.035, base - 0.1, base + 2.3, MATERIALS.metalPole),
    orientedBox([x + 0.05, y, base + 2.55], [0.03, 0.62, 0.62], 0, MATERIALS.signFace),
  ];
}

/** Trees, lamps, signs and bollards along both sidewalks (world frame). */
export function buildStreetFurniture(rng: Rng): Primitive[] {
  const out: Primitive[] = [];
  const base = sidewalkTop();
  for (const [x0, x1] of streetBlocks()) {
    for (const side of [1, -1]) {
      // Trees near the outer edge of the sidewalk.
      for (let x = x0 + rng.uniform(3, 8); x < x1 - 2; x += rng.uniform(9, 16)) {
        if (rng.chance(0.15)) continue;
        out.push(...buildTree(rng, x, side * rng.uniform(8.8, 9.4), base));
      }
      // Lamps at the kerb.
      for (let x = x0 + rng.uniform(5, 15); x < x1 - 1; x += rng.uniform(24, 32)) {
        out.push(...buildLamp(x, side * 6.85, base, side));
      }
      // A few signs and bollards.
      for (let x = x0 + rng.uniform(10, 30); x < x1 - 1; x += rng.uniform(30, 60)) {
        out.push(...buildSign(x, side * rng.uniform(6.9, 7.3), base));
      }
      for (let x = x0 + rng.uniform(15, 40); x < x1 - 3; x += rng.uniform(40, 70)) {
        for (let k = 0; k < 3; k++) out.push(cylinder(x + 1.5 * k, side * 6.75, 0.08, base - 0.1, base + 0.9, MATERIALS.metalPole));
      }
    }
  }
  return out;
}
