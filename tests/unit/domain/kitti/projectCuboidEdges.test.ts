import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { projectCuboidEdges } from '../../../../src/domain/kitti/projectCuboidEdges.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

const calib = parseKittiCalib(readFileSync(resolve(process.cwd(), '../shared/samples/kitti/calib/000001.txt'), 'utf8'));

const box = (center: [number, number, number], size: [number, number, number], yaw: number): Cuboid => ({
  id: 'b',
  trackId: null,
  label: 'Car',
  center,
  size,
  yaw,
  attributes: { truncated: 0, occluded: 0 },
  source: 'manual',
});

describe('projectCuboidEdges', () => {
  it('projects the FORMATS.md §3.8 box to its corner pixels (bbox 395.17..567.24 × 178.92..326.02)', () => {
    const edges = projectCuboidEdges(box([10, 2, -0.8], [4, 1.8, 1.5], 0.3), calib);
    expect(edges).toHaveLength(12);
    const us = edges.flatMap((e) => [e.u1, e.u2]);
    const vs = edges.flatMap((e) => [e.v1, e.v2]);
    expect(Math.min(...us)).toBeCloseTo(395.174424, 3);
    expect(Math.max(...us)).toBeCloseTo(567.241069, 3);
    expect(Math.min(...vs)).toBeCloseTo(178.92126, 3);
    expect(Math.max(...vs)).toBeCloseTo(326.015485, 3);
    expect(edges.filter((e) => e.front)).toHaveLength(4);
  });

  it('drops a box wholly behind the camera', () => {
    expect(projectCuboidEdges(box([-10, 0, -0.8], [4, 1.8, 1.5], 0), calib)).toHaveLength(0);
  });

  it('clips edges of a box straddling the camera plane instead of wrapping them', () => {
    const edges = projectCuboidEdges(box([0.5, 3, -0.8], [6, 1.8, 1.5], 0), calib);
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.length).toBeLessThan(12);
    for (const e of edges) {
      expect(Number.isFinite(e.u1) && Number.isFinite(e.v2)).toBe(true);
    }
  });
});
