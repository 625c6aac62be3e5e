import { describe, expect, it } from 'vitest';
import { crossedHeading } from '../../../../../src/domain/checks/rules/crossedHeading.ts';
import { box, cloud, contextFor, groundPoints, objectPoints } from '../sceneFixtures.ts';

const ground = groundPoints(-5, 35, -20, 20, 0.5);
const car = box('car', 'Car', 15, -4, [4.2, 1.8, 1.5], 0.3);
const ped = box('ped', 'Pedestrian', 10, 6, [0.8, 0.6, 1.75]);
const pts = cloud(ground, objectPoints(car), objectPoints(ped));

describe('crossedHeading', () => {
  it('warns on a car box turned 90° across its car', () => {
    const turned = { ...car, yaw: car.yaw + Math.PI / 2 };
    const r = crossedHeading(contextFor(pts, [turned, ped]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ruleId: 'crossedHeading', severity: 'warning', cuboidId: 'car', dictionaryEntry: 'box-fits-object' });
    expect(r[0].message).toMatch(/^Car box runs across its object: the points reach 4\.\d m along the box's width but 1\.\d m along its length\. Turned by 90°\?$/);
  });

  it('is silent for boxes that lie along their object, for turned pedestrians, and for slightly turned cars', () => {
    expect(crossedHeading(contextFor(pts, [car, ped]))).toEqual([]);
    expect(crossedHeading(contextFor(pts, [car, { ...ped, yaw: Math.PI / 2 }]))).toEqual([]);
    expect(crossedHeading(contextFor(pts, [{ ...car, yaw: car.yaw + 0.35 }, ped]))).toEqual([]);
  });
});
