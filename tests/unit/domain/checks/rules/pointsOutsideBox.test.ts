import { describe, expect, it } from 'vitest';
import { pointsOutsideBox } from '../../../../../src/domain/checks/rules/pointsOutsideBox.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box, cloud, contextFor, groundPoints, objectPoints } from '../sceneFixtures.ts';

const car = box('car', 'Car', 12, 3, [4.2, 1.8, 1.5], 0.3);
const withCar = (...extra: number[][]) => cloud(groundPoints(-5, 35, -20, 20, 0.5), objectPoints(car), ...extra);
const moved = (b: Cuboid, patch: Partial<Cuboid>): Cuboid => ({ ...b, ...patch });

describe('pointsOutsideBox', () => {
  it('passes a box that fits its object', () => {
    expect(pointsOutsideBox(contextFor(withCar(), [car]))).toEqual([]);
  });

  it('errors on a box shifted off its object, in words with the numbers', () => {
    const shifted = moved(car, { center: [car.center[0] + 1.5 * Math.cos(0.3), car.center[1] + 1.5 * Math.sin(0.3), car.center[2]] });
    const r = pointsOutsideBox(contextFor(withCar(), [shifted]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ruleId: 'pointsOutsideBox', severity: 'error', cuboidId: 'car', dictionaryEntry: 'box-fits-object' });
    expect(r[0].message).toMatch(
      /^Car box leaves \d+ points of its object outside \(\d+ % of \d+ above-ground points\); the object reaches 1\.\d m beyond the box$/,
    );
  });

  it('errors on a shrunk box and on a box rotated by 90°', () => {
    const shrunk = moved(car, { size: [2.1, 0.9, 1.5] });
    const rotated = moved(car, { yaw: car.yaw + Math.PI / 2 });
    expect(pointsOutsideBox(contextFor(withCar(), [shrunk]))[0].severity).toBe('error');
    expect(pointsOutsideBox(contextFor(withCar(), [rotated]))[0].severity).toBe('error');
  });

  it('does not count an object standing 0.5 m away, nor points in another box', () => {
    const neighbour = box('n', 'Car', 12 + 0.5 * Math.sin(0.3) * -1, 3 + (1.8 + 0.5) * Math.cos(0.3), [4.2, 1.8, 1.5], 0.3);
    const pts = withCar(objectPoints(neighbour));
    expect(pointsOutsideBox(contextFor(pts, [car]))).toEqual([]);
    // A pedestrian touching the car, with its own box.
    const ped = box('p', 'Pedestrian', 12 + 2.1 * Math.cos(0.3) + 0.35, 3 + 2.1 * Math.sin(0.3), [0.6, 0.6, 1.7]);
    expect(pointsOutsideBox(contextFor(withCar(objectPoints(ped, 0.05)), [car, ped]))).toEqual([]);
  });

  it('only notes (info) a box touching a long wall', () => {
    const wall = box('w', 'Misc', 12, 3 + 0.9 + 0.1, [16, 0.2, 2.5]);
    const r = pointsOutsideBox(contextFor(withCar(objectPoints(wall)), [box('car', 'Car', 12, 3, [4.2, 1.8, 1.5])]));
    expect(r.map((x) => x.severity)).toEqual(['info']);
    expect(r[0].message).toMatch(/reaches more than 2\.5 m beyond the box$/);
  });

  it('skips boxes with almost nothing inside and reports only the boxes of an incremental run', () => {
    expect(pointsOutsideBox(contextFor(withCar(), [box('empty', 'Car', 25, -5, [4, 1.8, 1.5])]))).toEqual([]);
    const shifted = moved(car, { center: [car.center[0] + 1.5, car.center[1], car.center[2]] });
    expect(pointsOutsideBox(contextFor(withCar(), [shifted], { only: ['other'] }))).toEqual([]);
  });
});
