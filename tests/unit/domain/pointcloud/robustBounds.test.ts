import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import { robustBounds } from '../../../../src/domain/pointcloud/robustBounds.ts';
import { needsFraming } from '../../../../src/render/framing.ts';

const shared = (p: string) => new Uint8Array(fs.readFileSync(new URL(`../../../../../shared/samples/${p}`, import.meta.url)));

describe('robustBounds and framing', () => {
  it('ignores stray points and NaN, and is null for a cloud without finite points', () => {
    const n = 1000;
    const positions = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) positions.set([i / 100, -i / 200, 1], i * 3);
    positions.set([500, 500, 500], 0); // one stray point
    positions.set([NaN, 0, 0], 3);
    const b = robustBounds({ count: n, positions })!;
    expect(b.max[0]).toBeLessThan(10);
    expect(b.min[1]).toBeGreaterThan(-5);
    expect(b.min[2]).toBe(1);
    expect(robustBounds({ count: 1, positions: new Float32Array([NaN, NaN, NaN]) })).toBeNull();
  });

  it('frames a scanned object on load but leaves a street scan to the default view', () => {
    const bunny = parsePcd(shared('pcd/pcl_bunny_normals_ascii.pcd'));
    expect(needsFraming(robustBounds(bunny))).toBe(true);
    const kitti = readVelodyneBin(shared('kitti/velodyne/000000.bin'));
    expect(needsFraming(robustBounds(kitti))).toBe(false);
    expect(needsFraming({ min: [200, 200, 0], max: [260, 240, 5] })).toBe(true);
    expect(needsFraming(null)).toBe(false);
  });
});
