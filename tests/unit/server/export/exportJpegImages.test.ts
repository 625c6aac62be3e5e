import fs from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { DirectorySink } from '../../../../src/server/export/ExportSink.ts';
import { exportDataset } from '../../../../src/server/export/exportDataset.ts';
import { readImageSize } from '../../../../src/server/dataset/frameFileInfo.ts';
import { makeKittiDataset } from '../fixtures/makeDataset.ts';
import { tempWorkspaces } from '../fixtures/tempWorkspaces.ts';

const { temp, workspace } = tempWorkspaces();

/** A 64 × 40 JPEG: left half red, right half blue (quality 95). */
function twoColourJpeg(): Uint8Array {
  const width = 64;
  const height = 40;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      data.set(x < width / 2 ? [220, 30, 30, 255] : [30, 30, 220, 255], o);
    }
  return new Uint8Array(jpeg.encode({ width, height, data }, 95).data);
}

describe('exportDataset and JPEG camera images', () => {
  it('writes a JPEG as image_2/ID.png with the same pixels, and says so', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a', 'b'], images: ['b'] });
    fs.writeFileSync(path.join(data, 'image_2', 'a.jpg'), twoColourJpeg());
    const ws = await workspace(data);
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out));
    expect(summary.frames).toBe(2);
    expect(summary.jpegConverted).toEqual([{ frameId: 'a', file: 'image_2/a.jpg' }]);
    // Its size is read from the JPEG's header (2D boxes are clipped to it), not taken as KITTI's 1242 × 375.
    expect(await readImageSize(ws.service.dataset.get('a')!)).toEqual([64, 40]);
    expect(fs.existsSync(path.join(out, 'training', 'image_2', 'a.jpg'))).toBe(false);
    const png = decode(fs.readFileSync(path.join(out, 'training', 'image_2', 'a.png')));
    expect([png.width, png.height, png.channels, png.depth]).toEqual([64, 40, 3, 8]);
    const px = (x: number, y: number) => Array.from(png.data.slice((y * 64 + x) * 3, (y * 64 + x) * 3 + 3));
    for (const [v, want] of [
      [px(8, 20), [220, 30, 30]],
      [px(56, 20), [30, 30, 220]],
    ])
      for (let c = 0; c < 3; c++) expect(Math.abs(v[c] - want[c])).toBeLessThanOrEqual(12);
    // b's PNG is copied as it is.
    expect(fs.readFileSync(path.join(out, 'training', 'image_2', 'b.png'))).toEqual(fs.readFileSync(path.join(data, 'image_2', 'b.png')));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8'));
    expect(manifest.conversions).toContain('images: 1 JPEG written as PNG (image_2/ID.png, the name OpenPCDet and mmdet3d open)');
  });

  it('leaves out a frame whose JPEG does not decode, naming the file', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a', 'b'] });
    fs.mkdirSync(path.join(data, 'image_2'), { recursive: true });
    fs.writeFileSync(path.join(data, 'image_2', 'a.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]));
    const ws = await workspace(data);
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out));
    expect(summary.frames).toBe(1);
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]).toMatchObject({ frameId: 'a', file: 'image_2/a.jpg' });
    expect(summary.skipped[0].reason).toMatch(/^not a JPEG that could be converted to PNG \(/);
    expect(fs.existsSync(path.join(out, 'training', 'label_2', 'a.txt'))).toBe(false);
  });

  it('reads the size of a JPEG whose frame header lies past its first 64 KiB (a large EXIF block)', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a'] });
    fs.mkdirSync(path.join(data, 'image_2'), { recursive: true });
    const jpg = twoColourJpeg();
    // SOI, then an APP1 segment of 65,535 bytes (the most one segment holds), then the rest.
    const app1 = new Uint8Array(2 + 65535);
    app1.set([0xff, 0xe1, 0xff, 0xff]);
    const padded = new Uint8Array(jpg.length + app1.length);
    padded.set(jpg.subarray(0, 2));
    padded.set(app1, 2);
    padded.set(jpg.subarray(2), 2 + app1.length);
    fs.writeFileSync(path.join(data, 'image_2', 'a.jpg'), padded);
    const ws = await workspace(data);
    expect(await readImageSize(ws.service.dataset.get('a')!)).toEqual([64, 40]);
  });
});
