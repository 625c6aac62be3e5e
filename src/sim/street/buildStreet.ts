import { MATERIALS, facade } from '../materials.ts';
import { axisBox } from '../primitives/makePrimitive.ts';
import type { AxisBoxPrimitive, Primitive } from '../primitives/Primitive.ts';
import type { Rng } from '../rng.ts';
import { STREET } from './streetLayout.ts';

/** The static hard scenery of the street (world frame). */
export interface StreetShell {
  /** Sidewalk slabs (their top is the walking surface). */
  sidewalks: AxisBoxPrimitive[];
  /** Sidewalks, buildings and everything else that never moves. */
  primitives: Primitive[];
}

/** Stretches of the main street between cross streets, as x intervals. */
export function streetBlocks(): Array<[number, number]> {
  const cuts = [...STREET.crossStreets].sort((a, b) => a[0] - b[0]);
  const blocks: Array<[number, number]> = [];
  let x: number = STREET.minX;
  for (const [a, b] of cuts) {
    blocks.push([x, a]);
    x = b;
  }
  blocks.push([x, STREET.maxX]);
  return blocks;
}

/** Height of the sidewalk top (world z). */
export function sidewalkTop(): number {
  return -STREET.crownDrop + STREET.kerbHeight;
}

function buildSidewalks(): AxisBoxPrimitive[] {
  const top = sidewalkTop();
  const out: AxisBoxPrimitive[] = [];
  for (const [x0, x1] of streetBlocks()) {
    for (const side of [1, -1]) {
      const yIn = side * STREET.roadHalfWidth;
      const yOut = side * STREET.sidewalkOuter;
      out.push(axisBox([x0, Math.min(yIn, yOut), -0.6], [x1, Math.max(yIn, yOut), top], MATERIALS.concrete));
    }
  }
  return out;
}

/** A row of buildings of random width, height and setback along one side of a block. */
function buildFacadeRow(rng: Rng, x0: number, x1: number, side: number, deepEnds: boolean, out: Primitive[]): void {
  let x = x0 + rng.uniform(0, 2);
  while (x < x1 - 4) {
    const width = Math.min(rng.uniform(8, 26), x1 - x);
    const front = STREET.sidewalkOuter + rng.uniform(0.2, 1.8);
    const atEnd = x === x0 || x + width >= x1 - 0.5;
    const depth = deepEnds && atEnd ? rng.uniform(40, 70) : rng.uniform(10, 16);
    const height = rng.uniform(6, 22);
    const y0 = side > 0 ? front : -front - depth;
    const y1 = side > 0 ? front + depth : -front;
    out.push(axisBox([x, y0, -0.5], [x + width, y1, height], facade(rng.next())));
    // A low wall or hedge in some of the gaps keeps courtyards from looking empty.
    const gap = rng.chance(0.35) ? rng.uniform(2, 6) : rng.uniform(0, 0.4);
    if (gap > 2 && x + width + gap < x1) {
      const yWall = side * (front + 0.4);
      const hedge = rng.chance(0.5);
      out.push(
        axisBox(
          [x + width, Math.min(yWall, yWall + side * 0.6), -0.3],
          [x + width + gap, Math.max(yWall, yWall + side * 0.6), hedge ? rng.uniform(1.0, 1.8) : rng.uniform(0.6, 1.2)],
          hedge ? MATERIALS.hedge : MATERIALS.kerbStone,
        ),
      );
    }
    x += width + gap;
  }
}

/** Buildings lining the cross streets beyond the corner blocks. */
function buildCrossStreetRows(rng: Rng, out: Primitive[]): void {
  for (const [a, b] of STREET.crossStreets) {
    for (const side of [1, -1]) {
      let y = 75;
      while (y < 125) {
        const len = rng.uniform(10, 25);
        const h = rng.uniform(8, 20);
        const y0 = side > 0 ? y : -y - len;
        const y1 = side > 0 ? y + len : -y;
        out.push(axisBox([a - rng.uniform(12, 18), y0, -0.5], [a - rng.uniform(1, 2.5), y1, h], facade(rng.next())));
        out.push(axisBox([b + rng.uniform(1, 2.5), y0, -0.5], [b + rng.uniform(12, 18), y1, h], facade(rng.next())));
        y += len + rng.uniform(0, 4);
      }
    }
  }
}

/** Builds sidewalks and buildings of the street from the scene RNG (world frame). */
export function buildStreet(rng: Rng): StreetShell {
  const sidewalks = buildSidewalks();
  const primitives: Primitive[] = [...sidewalks];
  for (const [x0, x1] of streetBlocks()) {
    for (const side of [1, -1]) buildFacadeRow(rng, x0, x1, side, true, primitives);
  }
  buildCrossStreetRows(rng, primitives);
  return { sidewalks, primitives };
}
