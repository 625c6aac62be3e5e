import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import { pcdToKittiBin } from '../../../../src/server/export/pcdToKittiBin.ts';
import { SHARED_PCD, makePcd } from '../fixtures/makeDataset.ts';

describe('pcdToKittiBin', () => {
  it('writes x y z intensity float32 records and drops non-finite points', () => {
    const { bin, points, dropped } = pcdToKittiBin(makePcd(4, [1]));
    expect([points, dropped, bin.length]).toEqual([3, 1, 48]);
    const cloud = readVelodyneBin(bin);
    expect(Array.from(cloud.positions)).toEqual([0, 0, 0, 2, 4, 6, 3, 6, 9]);
    // Intensities up to 255 are rescaled to KITTI's 0..1 reflectance; kept as stored on request.
    expect(Array.from(cloud.attributes.intensity)).toEqual([10, 12, 13].map((v) => Math.fround(v / 255)));
    const kept = pcdToKittiBin(makePcd(4, [1]), undefined, true);
    expect(Array.from(readVelodyneBin(kept.bin).attributes.intensity)).toEqual([10, 12, 13]);
    expect([pcdToKittiBin(makePcd(4, [1])).intensityFrom, kept.intensityFrom]).toEqual([255, null]);
  });

  it('converts a real Velodyne PCD; points without intensity get 0', () => {
    const hdl = pcdToKittiBin(fs.readFileSync(path.join(SHARED_PCD, 'velodyne_hdl32_outdoor_xyzi_binary.pcd')));
    expect(hdl.points + hdl.dropped).toBe(69_088);
    const bunny = pcdToKittiBin(fs.readFileSync(path.join(SHARED_PCD, 'pcl_bunny_normals_ascii.pcd')));
    expect(bunny.points).toBe(397);
    expect(readVelodyneBin(bunny.bin).attributes.intensity.every((v) => v === 0)).toBe(true);
    const table = pcdToKittiBin(fs.readFileSync(path.join(SHARED_PCD, 'pcl_table_scene_organized_nan_xyzrgba_binary_compressed.pcd')));
    expect([table.points, table.dropped]).toEqual([307_200 - 97_920, 97_920]);
  });
});
