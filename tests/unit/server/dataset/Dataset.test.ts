import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dataset, DatasetError } from '../../../../src/server/dataset/Dataset.ts';
import { isValidFrameId } from '../../../../src/server/dataset/frameId.ts';
import { readPointCount } from '../../../../src/server/dataset/readPointCount.ts';
import { countLabelBoxes, readImageSize } from '../../../../src/server/dataset/frameFileInfo.ts';
import { SHARED_KITTI, SHARED_PCD, makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = makeTempDir();
  dirs.push(d);
  return d;
}

describe('isValidFrameId', () => {
  it.each(['000001', 'scan_01', 'a-b', 'hesai.top.0001', 'A'])('accepts %s', (id) => {
    expect(isValidFrameId(id)).toBe(true);
  });
  it.each(['', '.', '..', '../x', 'a/b', 'a\\b', '.hidden', 'a..b', 'a.', '%2e%2e', 'a b', 'é', 'x'.repeat(129), 'a\0b', '/etc/passwd', 'C:x'])(
    'rejects %j',
    (id) => {
      expect(isValidFrameId(id)).toBe(false);
    },
  );
});

describe('Dataset.scan', () => {
  it('indexes the real KITTI samples with every file kind', async () => {
    const ds = await Dataset.scan(SHARED_KITTI);
    expect(ds.layout).toBe('kitti');
    expect(ds.ids()).toEqual(['000000', '000001', '000002']);
    const f = ds.get('000001');
    expect(f?.points).toMatchObject({ format: 'bin', bytes: 1_924_288 });
    expect(f?.calibPath).toBe(path.join(SHARED_KITTI, 'calib', '000001.txt'));
    expect(f?.image?.contentType).toBe('image/png');
    expect(f?.labelPath).toBe(path.join(SHARED_KITTI, 'label_2', '000001.txt'));
  });

  it('indexes a flat folder of .pcd files', async () => {
    const ds = await Dataset.scan(SHARED_PCD);
    expect(ds.layout).toBe('flat');
    expect(ds.size).toBe(7);
    expect(ds.get('velodyne_hdl32_outdoor_xyzi_binary')?.points.format).toBe('pcd');
    expect(ds.get('velodyne_hdl32_outdoor_xyzi_binary')?.calibPath).toBeNull();
  });

  it('mixes .bin and .pcd in velodyne/, first extension wins a shared stem, and warns', async () => {
    const root = makeKittiDataset(temp(), { ids: ['a', 'b'], pcd: ['b'] });
    fs.writeFileSync(path.join(root, 'velodyne', 'a.pcd'), 'dup');
    fs.writeFileSync(path.join(root, 'velodyne', 'bad name.bin'), 'x');
    fs.writeFileSync(path.join(root, 'velodyne', 'notes.md'), 'x');
    const ds = await Dataset.scan(root);
    expect(ds.ids()).toEqual(['a', 'b']);
    expect(ds.get('a')?.points.format).toBe('bin');
    expect(ds.get('b')?.points.format).toBe('pcd');
    expect(ds.warnings.join('\n')).toMatch(/a\.pcd: .*a\.bin has the same frame id/);
    expect(ds.warnings.join('\n')).toMatch(/bad name\.bin: not a valid frame id \(a frame id is the file name without its extension: letters, digits/);
  });

  it('never resolves malformed or unknown ids', async () => {
    const ds = await Dataset.scan(SHARED_KITTI);
    for (const id of ['../kitti/000001', '000001/../000002', '%30%30', '000003', '', 'constructor', '__proto__']) {
      expect(ds.get(id)).toBeUndefined();
    }
  });

  it('explains what a dataset looks like when the folder is not one', async () => {
    await expect(Dataset.scan(temp())).rejects.toThrow(/no point files \(\.pcd, \.ply, \.las, \.laz, \.bin\) and no velodyne\/ folder/);
    await expect(Dataset.scan(path.join(temp(), 'missing'))).rejects.toThrow(DatasetError);
    const root = temp();
    fs.mkdirSync(path.join(root, 'velodyne'));
    await expect(Dataset.scan(root)).rejects.toThrow(/holds no \.bin or \.pcd files/);
  });
});

describe('frame file info', () => {
  it('reads point counts cheaply from .bin sizes and PCD headers', async () => {
    const kitti = await Dataset.scan(SHARED_KITTI);
    expect(await readPointCount(kitti.get('000000')!)).toBe(115_384);
    const pcd = await Dataset.scan(SHARED_PCD);
    expect(await readPointCount(pcd.get('pcl_table_scene_organized_nan_xyzrgba_binary_compressed')!)).toBe(307_200);
    expect(await readPointCount(pcd.get('hesai_pandar64_outdoor_xyzi_ascii')!)).toBe(78_238);
  });

  it('gives null for a truncated .bin or a broken PCD header', async () => {
    const root = makeKittiDataset(temp(), { ids: ['a', 'b'] });
    fs.writeFileSync(path.join(root, 'velodyne', 'a.bin'), new Uint8Array(17));
    fs.rmSync(path.join(root, 'velodyne', 'b.bin'));
    fs.writeFileSync(path.join(root, 'velodyne', 'b.pcd'), 'VERSION 0.7\nFIELDS x\nnonsense\n');
    const ds = await Dataset.scan(root);
    expect(await readPointCount(ds.get('a')!)).toBeNull();
    expect(await readPointCount(ds.get('b')!)).toBeNull();
  });

  it('reads the image size from the PNG header (the real 000000 is 1224×370)', async () => {
    const ds = await Dataset.scan(SHARED_KITTI);
    expect(await readImageSize(ds.get('000000')!)).toEqual([1224, 370]);
    expect(await readImageSize(ds.get('000001')!)).toEqual([1242, 375]);
  });

  it('counts label boxes without DontCare lines', () => {
    expect(
      countLabelBoxes('Car 0 0 0 0 0 0 0 1 1 1 1 1 1 0\r\n\nDontCare -1 -1 -10 1 2 3 4 -1 -1 -1 -1000 -1000 -1000 -10\nVan 0 0 0 0 0 0 0 1 1 1 1 1 1 0'),
    ).toBe(2);
  });

  it('does not count a line that does not read as a box', () => {
    expect(
      countLabelBoxes('Car 0 0 0 0 0 0 0 1 1 1 1 1 1 0\nthis is not a label line\nVan 0 0 0 0 0 0 0 1 1 1 1 1 1 nope\nVan 0 0 0 0 0 0 0 1 1 1 1 1 1 0'),
    ).toBe(2);
  });
});
