import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import { KittiError } from '../../../../src/domain/kitti/KittiError.ts';
import { BIN_LAYOUTS, binLayoutForFileName, layoutsFittingSize, parseBinLayoutName } from '../../../../src/domain/pointcloud/binLayouts.ts';
import { BinLayoutError, detectBinLayout } from '../../../../src/domain/pointcloud/detectBinLayout.ts';
import { detectedChoice } from '../../../../src/domain/pointcloud/BinLayoutChoice.ts';
import { VelodyneStreamParser } from '../../../../src/domain/pointcloud/VelodyneStreamParser.ts';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');
const AV2 = path.join(SAMPLES, 'multisensor/av2_adcf7d18_315973157959879000/315973157959879000_xyz_intensity_laser.f32.bin');
const SUSTECH = path.join(SAMPLES, 'multisensor/sustechpoints_example_000975/000975_xyz_intensity_ring.f32.bin');
const KITTI = ['000000', '000001', '000002'].map((id) => path.join(SAMPLES, `kitti/velodyne/${id}.bin`));

const read = (p: string) => new Uint8Array(fs.readFileSync(p));
const detect = (bytes: Uint8Array, fileName = 'scan.bin') => detectBinLayout([{ fileName, fileSize: bytes.byteLength, bytes }]);

function range(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  return [lo, hi];
}

describe('the layout table', () => {
  it('gives every layout its stride and attribute names', () => {
    expect(BIN_LAYOUTS.xyz).toMatchObject({ bytes: 12, attributes: [] });
    expect(BIN_LAYOUTS.xyzi).toMatchObject({ bytes: 16, attributes: ['intensity'] });
    expect(BIN_LAYOUTS.xyzir).toMatchObject({ bytes: 20, attributes: ['intensity', 'ring'] });
    expect(BIN_LAYOUTS.xyzit).toMatchObject({ bytes: 20, attributes: ['intensity', 'time'] });
    expect(BIN_LAYOUTS.xyzirt).toMatchObject({ bytes: 24, attributes: ['intensity', 'ring', 'time'] });
  });

  it('reads nuScenes .pcd.bin names as xyzir and says nothing about a plain .bin', () => {
    expect(binLayoutForFileName('n008__LIDAR_TOP__1533151603547590.pcd.bin')).toBe('xyzir');
    expect(binLayoutForFileName('SCAN.PCD.BIN')).toBe('xyzir');
    expect(binLayoutForFileName('000001.bin')).toBeNull();
  });

  it('lists the layouts a size fits: 2,013,200 bytes fits both 16 and 20', () => {
    expect(layoutsFittingSize(2_013_200)).toEqual(['xyzi', 'xyzir', 'xyzit']);
    expect(layoutsFittingSize(1_343_060)).toEqual(['xyzir', 'xyzit']);
    expect(layoutsFittingSize(37)).toEqual([]);
  });

  it('refuses an unknown layout name, naming where it came from and the accepted ones', () => {
    expect(parseBinLayoutName('xyzir', '--bin-layout')).toBe('xyzir');
    expect(() => parseBinLayoutName('xyzrgb', '--bin-layout')).toThrow(/--bin-layout: "xyzrgb" is not a point layout; expected one of xyz \(12 B/);
  });
});

describe('reading 5-float files as xyzir', () => {
  it('reads the Argoverse 2 sweep: 100,660 points, laser 0-63 kept as a uint16 ring', () => {
    const cloud = readVelodyneBin(read(AV2), { fileName: 'av2.bin', layout: 'xyzir' });
    expect(cloud.count).toBe(100_660);
    expect(cloud.attributes.ring).toBeInstanceOf(Uint16Array);
    expect(range(cloud.attributes.ring as Uint16Array)).toEqual([0, 63]);
    expect(range(cloud.attributes.intensity as Float32Array)).toEqual([0, 255]);
    // Coordinates read right: the merged VLP-32C sweep reaches ~220 m, z stays within ~50 m.
    const z = cloud.positions.filter((_, i) => i % 3 === 2);
    expect(range(z)[1]).toBeLessThan(50);
  });

  it('reads the SUSTechPOINTS 40-beam frame: 67,153 points, ring 0-39', () => {
    const cloud = readVelodyneBin(read(SUSTECH), { layout: 'xyzir' });
    expect(cloud.count).toBe(67_153);
    expect(range(cloud.attributes.ring as Uint16Array)).toEqual([0, 39]);
  });

  it('streams the same cloud in odd-sized chunks', () => {
    const bytes = read(SUSTECH);
    const parser = new VelodyneStreamParser({ fileName: 'x.pcd.bin', layout: 'xyzir', expectedBytes: 1000 });
    let seen = 0;
    for (let at = 0; at < bytes.length; at += 65_537) {
      for (const b of parser.push(bytes.subarray(at, at + 65_537))) {
        expect(b.start).toBe(seen);
        expect(b.attributes.ring).toHaveLength(b.count);
        seen += b.count;
      }
    }
    const streamed = parser.end();
    const whole = readVelodyneBin(bytes, { layout: 'xyzir' });
    expect(streamed.count).toBe(67_153);
    const same = (a: ArrayBufferView | undefined, b: ArrayBufferView | undefined) =>
      a !== undefined &&
      b !== undefined &&
      Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
    expect(same(streamed.positions, whole.positions)).toBe(true);
    expect(same(streamed.attributes.ring, whole.attributes.ring)).toBe(true);
    expect(same(streamed.attributes.intensity, whole.attributes.intensity)).toBe(true);
  });

  it('names the layout, the size and the trailing offset of a partial record', () => {
    const bytes = read(SUSTECH).subarray(0, 20 * 3 + 7);
    expect(() => readVelodyneBin(bytes, { fileName: 'a.pcd.bin', layout: 'xyzir' })).toThrow(KittiError);
    expect(() => readVelodyneBin(bytes, { fileName: 'a.pcd.bin', layout: 'xyzir' })).toThrow(
      'readVelodyneBin (a.pcd.bin): size 67 bytes is not a multiple of 20 (x y z intensity ring, layout xyzir as float32); 7 trailing bytes at byte offset 60',
    );
    const parser = new VelodyneStreamParser({ fileName: 'a.pcd.bin', layout: 'xyzir' });
    parser.push(bytes);
    expect(() => parser.end()).toThrow(/size 67 bytes is not a multiple of 20 .*7 trailing bytes from byte offset 60/);
  });
});

describe('detectBinLayout', () => {
  it('picks xyzir for the AV2 sweep although its size also fits 16-byte records, and says why', () => {
    const d = detect(read(AV2));
    expect(d.fits).toEqual(['xyzi', 'xyzir', 'xyzit']);
    expect(d.chosen).toBe('xyzir');
    expect(d.confident).toBe(true);
    const score = (n: string) => d.scores.find((s) => s.name === n)?.score ?? NaN;
    expect(score('xyzir')).toBeGreaterThan(0.95);
    expect(score('xyzi')).toBeLessThan(0.8);
    expect(d.reason).toContain('fits xyzi (16 B), xyzir (20 B)');
    expect(d.reason).toContain('ring 0-63 whole numbers');
    // The warning says it in one line, the next best beside the pick; the detail keeps every score.
    const choice = detectedChoice(d, 'sweep.bin');
    expect(choice.warning).toMatch(
      /^sweep\.bin read as xyzir by detection \(xyzi, xyzir, xyzit fit the file size\): xyzir \d+% plausible, the next \(\w+\) \d+%; declare the layout/,
    );
    expect(choice.detail).toContain('ring 0-63 whole numbers');
  });

  it('picks xyzir for the SUSTechPOINTS frame, alone and cut so that every layout fits its size', () => {
    expect(detect(read(SUSTECH)).chosen).toBe('xyzir');
    const bytes = read(SUSTECH);
    const cut = bytes.subarray(0, bytes.length - (bytes.length % 240));
    const d = detect(cut);
    expect(d.fits).toEqual(['xyz', 'xyzi', 'xyzir', 'xyzit', 'xyzirt']);
    expect(d.chosen).toBe('xyzir');
  });

  it('keeps KITTI scans xyzi, also when cut to a size every layout fits', () => {
    for (const file of KITTI) {
      const bytes = read(file);
      expect(detect(bytes).chosen).toBe('xyzi');
      const d = detect(bytes.subarray(0, bytes.length - (bytes.length % 240)));
      expect(d.fits.length).toBe(5);
      expect(d.chosen).toBe('xyzi');
      expect(d.confident).toBe(true);
    }
  });

  it('tells per-point time from a ring: the same 20-byte records with a fractional fifth float are xyzit', () => {
    const src = readVelodyneBin(read(SUSTECH), { layout: 'xyzir' });
    const n = src.count;
    const f = new Float32Array(n * 5);
    for (let i = 0; i < n; i++) {
      f.set([src.positions[i * 3], src.positions[i * 3 + 1], src.positions[i * 3 + 2], (src.attributes.intensity as Float32Array)[i], (i / n) * 0.1], i * 5);
    }
    const d = detect(new Uint8Array(f.buffer));
    expect(d.chosen).toBe('xyzit');
    const cloud = readVelodyneBin(new Uint8Array(f.buffer), { layout: 'xyzit' });
    expect(cloud.attributes.time?.[n - 1]).toBeCloseTo(0.1, 3);
    expect(cloud.attributes.ring).toBeUndefined();
  });

  it('reads xyzirt and xyz records column by column', () => {
    const f = new Float32Array([1, 2, 3, 40, 5, 0.25, -1, -2, -3, 41, 6, 0.5]);
    const cloud = readVelodyneBin(new Uint8Array(f.buffer), { layout: 'xyzirt' });
    expect(cloud.count).toBe(2);
    expect([...cloud.positions]).toEqual([1, 2, 3, -1, -2, -3]);
    expect([...(cloud.attributes.intensity as Float32Array)]).toEqual([40, 41]);
    expect([...(cloud.attributes.ring as Uint16Array)]).toEqual([5, 6]);
    expect([...(cloud.attributes.time as Float32Array)]).toEqual([0.25, 0.5]);
    const xyz = readVelodyneBin(new Uint8Array(f.buffer), { layout: 'xyz' });
    expect(xyz.count).toBe(4);
    expect(Object.keys(xyz.attributes)).toEqual([]);
  });

  it('tells a bare xyz dump from xyzi', () => {
    const cloud = readVelodyneBin(read(KITTI[0]));
    const n = cloud.count - (cloud.count % 4);
    const xyz = new Uint8Array(cloud.positions.slice(0, n * 3).buffer);
    const d = detect(xyz);
    expect(d.fits).toContain('xyzi');
    expect(d.chosen).toBe('xyz');
  });

  it('refuses a size that fits no layout, naming the file and the trailing bytes', () => {
    const bytes = read(KITTI[0]).subarray(0, 16 * 10 + 2);
    try {
      detect(bytes, '000000.bin');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BinLayoutError);
      expect((e as BinLayoutError).byteOffset).toBe(160);
      expect((e as Error).message).toMatch(/^000000\.bin: size 162 bytes fits no point layout .*2 trailing bytes at byte offset 160 as 16-byte records/);
    }
  });
});
