import { describe, expect, it } from 'vitest';
import { analyzeFrame } from '../../../../../src/domain/checks/frame/analyzeFrame.ts';
import { clusterObstacles } from '../../../../../src/domain/checks/frame/clusterObstacles.ts';
import { buildRangeImage, isOccluded } from '../../../../../src/domain/checks/frame/RangeImage.ts';
import { estimateGround } from '../../../../../src/domain/geometry/estimateGround.ts';
import { box, cloud, groundPoints, objectPoints, GROUND_Z } from '../sceneFixtures.ts';

const car = box('c', 'Car', 12, 3, [4, 1.8, 1.5], Math.PI / 6);
const ped = box('p', 'Pedestrian', 8, -4, [0.6, 0.6, 1.7]);
const positions = cloud(groundPoints(-5, 35, -20, 20, 0.5), objectPoints(car), objectPoints(ped), [NaN, 0, 0]);

describe('clusterObstacles', () => {
  it('finds one cluster per separate object, with its extents, and leaves the ground out', () => {
    const c = clusterObstacles(positions, estimateGround(positions));
    expect(c.count).toBe(2);
    const order = [0, 1].sort((a, b) => c.points[b] - c.points[a]);
    const [carC, pedC] = order;
    expect(c.length[carC]).toBeCloseTo(3.96, 1);
    expect(c.width[carC]).toBeCloseTo(1.76, 1);
    expect(c.maxHeight[carC]).toBeCloseTo(1.48, 1);
    expect(c.minHeight[carC]).toBeGreaterThanOrEqual(0.3);
    expect(c.sumX[pedC] / c.points[pedC]).toBeCloseTo(8, 1);
    expect(c.maxElevation[pedC]).toBeCloseTo(Math.atan2(GROUND_Z + 1.68, Math.hypot(8, 4)), 1);
    // Ground points and the NaN point carry no cluster.
    expect(c.labels[0]).toBe(-1);
    expect(c.labels[c.labels.length - 1]).toBe(-1);
  });

  it('joins objects closer than a cell and keeps those 1 m apart separate', () => {
    const a = box('a', 'Misc', 20, -10, [1, 1, 1]);
    const near = box('b', 'Misc', 21.2, -10, [1, 1, 1]);
    const far = box('b', 'Misc', 22, -10, [1, 1, 1]);
    const ground = groundPoints(-5, 35, -20, 20, 0.5);
    const joined = cloud(ground, objectPoints(a), objectPoints(near));
    const apart = cloud(ground, objectPoints(a), objectPoints(far));
    expect(clusterObstacles(joined, estimateGround(joined)).count).toBe(1);
    expect(clusterObstacles(apart, estimateGround(apart)).count).toBe(2);
  });

  it('handles a cloud with nothing above the ground', () => {
    const flat = cloud(groundPoints(0, 10, 0, 10, 0.5));
    expect(clusterObstacles(flat, estimateGround(flat)).count).toBe(0);
  });
});

describe('analyzeFrame', () => {
  it('derives grid, bounds, farthest range, ground, clusters and range image once', () => {
    const a = analyzeFrame(positions);
    expect(a.grid.pointCount).toBe(positions.length / 3);
    expect(a.bounds!.min[0]).toBeCloseTo(-5);
    expect(a.maxRange).toBeCloseTo(Math.hypot(35, 20), 0);
    expect(a.clusters.count).toBe(2);
    // A scan with nothing all around the sensor above it has no top beam: nothing is cut off.
    expect(a.topElevation).toBe(Math.PI / 2);
  });

  it('finds the highest beam of a spinning scan from points all around', () => {
    const ring: number[] = [];
    for (let k = 0; k < 360; k++) {
      const az = (k * Math.PI) / 180;
      ring.push(20 * Math.cos(az), 20 * Math.sin(az), 20 * Math.tan((2 * Math.PI) / 180));
    }
    const a = analyzeFrame(cloud(groundPoints(-25, 25, -25, 25, 1), ring));
    expect((a.topElevation * 180) / Math.PI).toBeCloseTo(2, 0);
  });
});

describe('range image', () => {
  it('tells hidden places from seen ones', () => {
    const wall = objectPoints(box('w', 'Misc', 10, 0, [0.2, 4, 3]), 0.05);
    const pts = cloud(wall);
    const labels = new Int32Array(pts.length / 3).fill(0);
    const img = buildRangeImage(pts, labels);
    expect(isOccluded(img, 15, 0, -1)).toBe(true);
    expect(isOccluded(img, 9, 0, -1)).toBe(false);
    expect(isOccluded(img, 15, 8, -1)).toBe(false);
  });
});
