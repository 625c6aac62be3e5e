import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoLabelRegion } from '../../../../src/domain/checks/autoLabelRegion.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { syntheticCalib } from '../../../../src/domain/kitti/syntheticCalib.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

const calib = parseKittiCalib(fs.readFileSync(new URL('../../../../../shared/samples/kitti/calib/000000.txt', import.meta.url), 'utf8'));

const cuboid = (id: string, bbox?: number[]): Cuboid => ({
  id,
  trackId: null,
  label: 'Car',
  center: [10, 0, -1],
  size: [4, 1.8, 1.5],
  yaw: 0,
  attributes: { truncated: 0, occluded: 0 },
  source: bbox ? 'import' : 'fit',
  ...(bbox ? { kitti2d: { bbox: bbox as [number, number, number, number], alpha: 0 } } : {}),
});

describe('autoLabelRegion', () => {
  it('keeps the camera view for KITTI labels after a box is added in the app', () => {
    const imported = [cuboid('a', [700, 180, 800, 300])];
    expect(autoLabelRegion('auto', calib, 1242, imported, [])).toBeDefined();
    expect(autoLabelRegion('auto', calib, 1242, [...imported, cuboid('fitted')], [])).toEqual(autoLabelRegion('auto', calib, 1242, imported, []));
  });

  it('searches all around for labels of objects outside the image (zero image boxes), without calibration, or when asked', () => {
    const allAround = [cuboid('a', [700, 180, 800, 300]), cuboid('behind', [0, 0, 0, 0])];
    expect(autoLabelRegion('auto', calib, 1242, allAround, [])).toBeUndefined();
    expect(autoLabelRegion('auto', null, 1242, [cuboid('a', [700, 180, 800, 300])], [])).toBeUndefined();
    expect(autoLabelRegion('auto', syntheticCalib(), 1242, [], [])).toBeUndefined();
    expect(autoLabelRegion('all', calib, 1242, [cuboid('a', [700, 180, 800, 300])], [])).toBeUndefined();
    expect(autoLabelRegion('camera', calib, 1242, allAround, [])).toBeDefined();
  });
});
