import { describe, expect, it } from 'vitest';
import { isRider, mayBeVehicleEnd, upperBandWidth } from '../../../../../src/domain/checks/rules/upperBandWidth.ts';
import type { MissedCandidate, TemplateScore } from '../../../../../src/domain/checks/rules/missedObjectScore.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { flatGround } from '../../../../helpers/flatGround.ts';

/** Road at z = −1.73 under the sensor at the origin. */
const ROAD = flatGround(-1.73, { originX: 0, originY: -10, cellSize: 2, nx: 20, ny: 10 });

/** A candidate 20 m ahead on +x, `top` metres tall and `length` long (across the line of sight). */
function candidate(top: number, length: number): MissedCandidate {
  return { points: 40, center: [20, 0, -1], groundZ: -1.73, range: 20, length, width: 0.5, yaw: Math.PI / 2, top, bottom: 0.3, topCut: false };
}

/** Returns on the plane x = 20: for each height (m above the ground), points across y between the two ends given. */
function face(rows: [number, number, number][]): Float32Array {
  const out: number[] = [];
  for (const [h, y0, y1] of rows) for (let y = y0; y <= y1 + 1e-9; y += 0.1) out.push(20, y, h - 1.73);
  return Float32Array.from(out);
}

describe('upperBandWidth', () => {
  it('reads a car seen from behind as wide up to its roof, a striding pedestrian as narrow above the hips', () => {
    const carEnd = face([0.4, 0.6, 0.8, 1.0, 1.2, 1.4].map((h) => [h, -0.8, 0.8] as [number, number, number]));
    expect(upperBandWidth(carEnd, ROAD, [0, 0, 0], candidate(1.45, 1.6))).toBeCloseTo(1.6, 5);
    // Feet a metre apart, then the torso and head.
    const walker = face([
      [0.2, -0.5, -0.4],
      [0.2, 0.4, 0.5],
      [0.5, -0.3, -0.2],
      [0.5, 0.2, 0.3],
      [1.0, -0.25, 0.25],
      [1.3, -0.25, 0.25],
      [1.6, -0.1, 0.1],
    ]);
    expect(upperBandWidth(walker, ROAD, [0, 0, 0], candidate(1.7, 1.0))).toBeCloseTo(0.5, 5);
  });

  it('is 0 with fewer than four returns in the band', () => {
    expect(upperBandWidth(face([[1.0, -0.1, 0.1]]), ROAD, [0, 0, 0], candidate(1.5, 1.2))).toBe(0);
  });
});

describe('isRider and mayBeVehicleEnd', () => {
  const score = (label: string, kind: TemplateScore['kind'], confidence: number): TemplateScore => ({
    label,
    kind,
    confidence,
    expected: 50,
    parts: [1, 1, 1],
  });

  it('names the classes longer at their shortest than they are wide at their widest', () => {
    expect(isRider(defaultDictionary.classes.Cyclist)).toBe(true);
    expect(isRider(defaultDictionary.classes.Pedestrian)).toBe(false);
    expect(isRider(undefined)).toBe(false);
  });

  it('asks for the upper band of a wide candidate a person explains best when a vehicle explains it too', () => {
    const scores = [score('Pedestrian', 'person', 0.9), score('Car', 'vehicle', 0.4)];
    expect(mayBeVehicleEnd(candidate(1.5, 1.4), scores, 1, 0.3)).toBe(true);
    expect(mayBeVehicleEnd(candidate(1.5, 0.8), scores, 1, 0.3)).toBe(false);
    expect(mayBeVehicleEnd(candidate(1.5, 1.4), [score('Pedestrian', 'person', 0.9), score('Car', 'vehicle', 0.2)], 1, 0.3)).toBe(false);
  });
});
