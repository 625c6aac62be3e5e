import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLas } from '../../../../src/domain/las/parseLas.ts';
import { loadLazBackend } from '../../../../src/server/dataset/loadLazBackend.ts';
import { makeLas, type LasTestPoint } from '../../../helpers/makeLas.ts';

const POINTS: LasTestPoint[] = [
  {
    x: 1.5,
    y: -2.25,
    z: 0.125,
    intensity: 1000,
    returnNumber: 1,
    numberOfReturns: 2,
    classification: 2,
    scanAngle: -12,
    userData: 7,
    pointSourceId: 3,
    gpsTime: 1234.5678,
    rgb: [65535, 32768, 0],
    nir: 40000,
  },
  {
    x: 100.001,
    y: 20.002,
    z: -1.75,
    intensity: 65535,
    returnNumber: 2,
    numberOfReturns: 2,
    classification: 6,
    scanAngle: 30,
    userData: 0,
    pointSourceId: 65535,
    gpsTime: 2e8,
    rgb: [256, 512, 65280],
    nir: 1,
  },
];

describe('parseLas', () => {
  for (let format = 0; format <= 10; format++) {
    const version = format >= 6 ? '1.4' : '1.2';
    it(`reads point format ${format} (LAS ${version}): scale and offset applied, every kept attribute`, () => {
      const bytes = makeLas(POINTS, { version, format, scale: [0.001, 0.001, 0.0005], offset: [10, -20, 1] });
      const cloud = parseLas(bytes, { fileName: `f${format}.las` });
      expect(cloud.count).toBe(2);
      expect(cloud.header.pointFormat).toBe(format);
      const want = [1.5, -2.25, 0.125, 100.001, 20.002, -1.75];
      cloud.positions.forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));
      const a = cloud.attributes;
      expect([...a.intensity]).toEqual([1000, 65535]);
      expect([...a.return_number]).toEqual([1, 2]);
      expect([...a.number_of_returns]).toEqual([2, 2]);
      expect([...a.classification]).toEqual([2, 6]);
      expect(a.scan_angle[0]).toBeCloseTo(-12, 2);
      expect(a.scan_angle[1]).toBeCloseTo(30, 2);
      expect([...a.user_data]).toEqual([7, 0]);
      expect([...a.point_source_id]).toEqual([3, 65535]);
      if ([1, 3, 4, 5, 6, 7, 8, 9, 10].includes(format)) expect([...a.gps_time]).toEqual([1234.5678, 2e8]);
      else expect(a.gps_time).toBeUndefined();
      if ([2, 3, 5, 7, 8, 10].includes(format)) expect([...a.rgb]).toEqual([0xff8000, 0x0102ff]);
      else expect(a.rgb).toBeUndefined();
      if ([8, 10].includes(format)) expect([...a.nir]).toEqual([40000, 1]);
    });
  }

  it('reads LAS 1.3 and records longer than the format (extra bytes without a description)', () => {
    const cloud = parseLas(makeLas(POINTS, { version: '1.3', format: 1, extraBytes: 5 }));
    expect(cloud.header.recordLength).toBe(33);
    expect([...cloud.attributes.gps_time]).toEqual([1234.5678, 2e8]);
    expect(cloud.positions[3]).toBeCloseTo(100.001, 4);
  });

  it('takes 8-bit colours written into 16-bit fields as they are, and says so', () => {
    const cloud = parseLas(makeLas([{ x: 0, y: 0, z: 0, rgb: [255, 128, 1] }], { format: 2 }));
    expect([...cloud.attributes.rgb]).toEqual([0xff8001]);
    expect(cloud.warnings).toContain('colour channels are all 0–255: read as 8-bit values');
  });

  it('warns when coordinates are too far from the origin for float32 centimetres', () => {
    const cloud = parseLas(makeLas([{ x: 500000.25, y: 4000000.5, z: 10 }], { offset: [500000, 4000000, 0] }));
    expect(cloud.warnings.join('\n')).toMatch(/coordinates reach 4000001 m from the origin: float32 positions keep steps of 47\.7 cm/);
  });
});

describe('parseLas on published LAZ files (laz-perf test data)', () => {
  const dir = 'tests/fixtures/laz';
  it('decodes a LAZ point for point as its LAS original (point format 3: time and colour)', async () => {
    const laz = await loadLazBackend();
    const a = parseLas(fs.readFileSync(`${dir}/point-color-time.las`), { fileName: 'point-color-time.las' });
    const b = parseLas(fs.readFileSync(`${dir}/point-color-time.las.laz`), { fileName: 'point-color-time.las.laz', laz });
    expect(b.header.compressed).toBe(true);
    expect(b.header.laszip).toMatchObject({ compressor: 2, chunkSize: 50000 });
    expect(b.count).toBe(1065);
    expect(b.positions).toEqual(a.positions);
    for (const name of Object.keys(a.attributes)) expect(b.attributes[name], name).toEqual(a.attributes[name]);
    // Golden values of the first point.
    expect([b.positions[0], b.positions[1], b.positions[2]]).toEqual([494428.625, 4877455.5, 131.57000732421875]);
    expect(Object.keys(b.attributes).sort()).toEqual([
      'classification',
      'gps_time',
      'intensity',
      'number_of_returns',
      'point_source_id',
      'return_number',
      'rgb',
      'scan_angle',
      'user_data',
    ]);
  });

  it('decodes LAS 1.4 point format 6 compressed in layers (LASzip compressor 3) as its LAS original (laspy test data)', async () => {
    const laz = await loadLazBackend();
    const a = parseLas(fs.readFileSync(`${dir}/1_4_w_evlr.las`));
    const b = parseLas(fs.readFileSync(`${dir}/1_4_w_evlr.laz`), { laz });
    expect(b.header).toMatchObject({ version: '1.4', pointFormat: 6, compressed: true, laszip: { compressor: 3 } });
    expect(b.count).toBe(1000);
    expect(b.positions).toEqual(a.positions);
    for (const name of Object.keys(a.attributes)) expect(b.attributes[name], name).toEqual(a.attributes[name]);
    expect([b.positions[0], b.positions[1], b.positions[2]]).toEqual([1694510.375, 1816498, 5598.359375]);
  });

  it('decodes a COPC file: layered point format 7 in variable chunks (counts from the chunk table)', async () => {
    const cloud = parseLas(fs.readFileSync(`${dir}/simple.copc.laz`), { laz: await loadLazBackend() });
    expect(cloud.header).toMatchObject({ pointFormat: 7, laszip: { compressor: 3, chunkSize: 0xffffffff } });
    expect(cloud.count).toBe(1065);
    expect([cloud.positions[0], cloud.positions[1], cloud.positions[2]]).toEqual([636145.625, 849170.5, 428.1499938964844]);
    expect(cloud.attributes.rgb).toBeInstanceOf(Uint32Array);
  });

  it('decodes point format 0', async () => {
    const cloud = parseLas(fs.readFileSync(`${dir}/point10.las.laz`), { laz: await loadLazBackend() });
    expect(cloud.count).toBe(1065);
    expect(cloud.header.pointFormat).toBe(0);
    expect(Number.isFinite(cloud.positions[3 * 1064 + 2])).toBe(true);
  });
});
