import { classDefaults } from '../domain/geometry/classDefaults.ts';
import type { Cuboid } from '../domain/types.ts';

/** How far (metres) a box's size may lie outside its class's range and still be kept as the refit's size. */
const SIZE_SLACK = 0.05;

/**
 * The prior a refit (`R`) passes for `box`: the box itself while its size is one its own class
 * can have (`classDefaults(label).range`, per axis l, w, h, metres, with 5 cm slack), so a
 * hand-adjusted box keeps its size; none once the size belongs to another class (the box was
 * relabelled, e.g. a Car made a Pedestrian), so the fit sizes it from the box's class instead.
 */
export function refitPrior(box: Cuboid): Cuboid | undefined {
  const { range } = classDefaults(box.label);
  const spans = [range.l, range.w, range.h];
  const fits = box.size.every((v, i) => v >= spans[i][0] - SIZE_SLACK && v <= spans[i][1] + SIZE_SLACK);
  return fits ? box : undefined;
}
