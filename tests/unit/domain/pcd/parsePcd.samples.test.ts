/**
 * The real PCD files of ../shared/samples/pcd (SOURCES.md, FORMATS.md §3.3), decoded with parsePcd
 * and, for positions, cross-checked against three.js r187 PCDLoader as an independent decoder.
 */
import { PCDLoader } from 'three/examples/jsm/loaders/PCDLoader.js';
import { describe, expect, it, vi } from 'vitest';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { readPcdSample, values } from '../../../helpers/makePcd.ts';

interface Expected {
  file: string;
  data: string;
  points: number;
  width: number;
  height: number;
  fields: string;
  nan: number;
  first: number[];
  attrs: Record<string, [string, number | bigint]>;
}

const SAMPLES: Expected[] = [
  {
    file: 'velodyne_hdl32_outdoor_xyzi_binary.pcd',
    data: 'binary',
    points: 69088,
    width: 69088,
    height: 1,
    fields: 'x:F4 y:F4 z:F4 intensity:F4',
    nan: 0,
    first: [0.0031398916617035866, 2.570034980773926, -1.5241568088531494],
    attrs: { intensity: ['Float32Array', 68] },
  },
  {
    file: 'hesai_pandar64_outdoor_xyzi_ring_ts_binary_compressed.pcd',
    data: 'binary_compressed',
    points: 92677,
    width: 92677,
    height: 1,
    fields: 'x:F4 y:F4 z:F4 intensity:F4 ring:U2 timestamp:F8',
    nan: 0,
    first: [-9.568227767944336, -0.14044073224067688, -2.2048168182373047],
    attrs: { intensity: ['Float32Array', 52], ring: ['Uint16Array', 3], timestamp: ['Float64Array', 1644917497.0005078] },
  },
  {
    file: 'hesai_pandar64_outdoor_xyzi_ascii.pcd',
    data: 'ascii',
    points: 78238,
    width: 78238,
    height: 1,
    fields: 'x:F4 y:F4 z:F4 intensity:F4',
    nan: 0,
    // SOURCES.md: "first point: 21.647913 0.19822195 -1.8524752 11"
    first: [21.647913, 0.19822195, -1.8524752].map(Math.fround),
    attrs: { intensity: ['Float32Array', 11] },
  },
  {
    file: 'pcl_table_scene_organized_nan_xyzrgba_binary_compressed.pcd',
    data: 'binary_compressed',
    points: 307200,
    width: 640,
    height: 480,
    fields: 'x:F4 y:F4 z:F4 rgba:U4',
    nan: 97920,
    first: [NaN, NaN, NaN],
    attrs: { rgba: ['Uint32Array', 4290772992] },
  },
  {
    file: 'pcl_milk_xyzrgba_binary_compressed.pcd',
    data: 'binary_compressed',
    points: 13704,
    width: 13704,
    height: 1,
    fields: 'x:F4 y:F4 z:F4 rgba:U4',
    nan: 0,
    // FORMATS.md §3.3: pt0 = (−0.13160761, −0.2095429, 0.772), rgba 4284963413
    first: [-0.13160761, -0.2095429, 0.772].map(Math.fround),
    attrs: { rgba: ['Uint32Array', 4284963413] },
  },
  {
    file: 'pcl_colored_cloud_xyzrgb_normals_binary.pcd',
    data: 'binary',
    points: 1000,
    width: 1,
    height: 1000,
    fields: 'x:F4 y:F4 z:F4 rgb:U4 normal_x:F4 normal_y:F4 normal_z:F4 curvature:F4',
    nan: 0,
    // FORMATS.md §3.3: pt0 = (−0.85505152, −0.63150859, 1.4670000), rgb 0xFF6C6D69, normal, curvature
    first: [-0.85505152, -0.63150859, 1.467].map(Math.fround),
    attrs: {
      rgb: ['Uint32Array', 0xff6c6d69],
      normal_x: ['Float32Array', Math.fround(0.69661689)],
      normal_y: ['Float32Array', Math.fround(0.69205415)],
      normal_z: ['Float32Array', Math.fround(0.18917191)],
      curvature: ['Float32Array', 0.052542801946401596], // §3.3: 0.0525428
    },
  },
  {
    file: 'pcl_bunny_normals_ascii.pcd',
    data: 'ascii',
    points: 397,
    width: 397,
    height: 1,
    fields: 'x:F4 y:F4 z:F4 normal_x:F4 normal_y:F4 normal_z:F4 curvature:F4',
    nan: 0,
    first: [0.005421599838882685, 0.11349000036716461, 0.040748998522758484],
    attrs: { normal_x: ['Float32Array', -0.1688472330570221], curvature: ['Float32Array', 0.0030943851452320814] },
  },
];

describe('parsePcd on the real sample files', () => {
  for (const s of SAMPLES) {
    it(`${s.file}: ${s.points.toLocaleString('en-US')} points, ${s.nan} NaN`, () => {
      const cloud = parsePcd(readPcdSample(s.file), { fileName: s.file });
      expect(cloud.header.data).toBe(s.data);
      expect(cloud.header.fields.map((f) => `${f.name}:${f.type}${f.size}`).join(' ')).toBe(s.fields);
      expect([cloud.count, cloud.width, cloud.height]).toEqual([s.points, s.width, s.height]);
      expect(cloud.positions.length).toBe(s.points * 3);
      expect(cloud.nanCount).toBe(s.nan);
      expect(cloud.isDense).toBe(s.nan === 0);
      expect(Array.from(cloud.positions.subarray(0, 3))).toEqual(s.first);
      expect(Object.keys(cloud.attributes).sort()).toEqual(
        Object.keys(s.attrs)
          .concat(Object.keys(cloud.attributes).filter((k) => !(k in s.attrs)))
          .sort(),
      );
      for (const [name, [ctor, v0]] of Object.entries(s.attrs)) {
        expect(cloud.attributes[name].constructor.name).toBe(ctor);
        expect(cloud.attributes[name][0]).toBe(v0);
        expect(cloud.attributes[name].length).toBe(s.points);
      }
      expect(cloud.header.warnings).toEqual([]);
    });
  }

  it('velodyne HDL-32E scan: 5,032 no-return points at (0,0,0), intensity 0–215, extent as documented', () => {
    const cloud = parsePcd(readPcdSample('velodyne_hdl32_outdoor_xyzi_binary.pcd'));
    let zeros = 0;
    const p = cloud.positions;
    for (let i = 0; i < cloud.count; i++) if (p[3 * i] === 0 && p[3 * i + 1] === 0 && p[3 * i + 2] === 0) zeros++;
    expect(zeros).toBe(5032);
    const xs = p.filter((_, i) => i % 3 === 0);
    const ys = p.filter((_, i) => i % 3 === 1);
    expect([Math.round(Math.min(...xs)), Math.round(Math.max(...xs))]).toEqual([-23, 19]);
    expect([Math.round(Math.min(...ys)), Math.round(Math.max(...ys))]).toEqual([-75, 9]);
    expect([Math.min(...(cloud.attributes.intensity as Float32Array)), Math.max(...(cloud.attributes.intensity as Float32Array))]).toEqual([0, 215]);
  });

  it('Pandar64 compressed scan: 64 rings, intensity 0–254, ranges to about 130 m', () => {
    const cloud = parsePcd(readPcdSample('hesai_pandar64_outdoor_xyzi_ring_ts_binary_compressed.pcd'));
    const ring = cloud.attributes.ring as Uint16Array;
    expect(new Set(ring).size).toBe(64);
    expect([Math.min(...ring), Math.max(...ring)]).toEqual([0, 63]);
    expect(Math.max(...(cloud.attributes.intensity as Float32Array))).toBe(254);
    let maxRange = 0;
    for (let i = 0; i < cloud.count; i++)
      maxRange = Math.max(maxRange, Math.hypot(cloud.positions[3 * i], cloud.positions[3 * i + 1], cloud.positions[3 * i + 2]));
    expect(maxRange).toBeGreaterThan(125);
    expect(maxRange).toBeLessThan(135);
  });

  it('organized table scene: VIEWPOINT 0 0 0 0 1 0 0 and colours on NaN points', () => {
    const cloud = parsePcd(readPcdSample('pcl_table_scene_organized_nan_xyzrgba_binary_compressed.pcd'));
    expect(cloud.viewpoint).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(cloud.attributes.rgba[0]).toBe(4290772992);
    // Row-major: every finite point's index maps to (row, col) inside 480 × 640.
    let firstFinite = -1;
    for (let i = 0; i < cloud.count && firstFinite < 0; i++) if (Number.isFinite(cloud.positions[3 * i])) firstFinite = i;
    expect(firstFinite).toBeGreaterThan(0);
    expect(Math.floor(firstFinite / cloud.width)).toBeLessThan(480);
  });

  it('positions and intensity agree with three.js PCDLoader on every sample', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loader = new PCDLoader();
    for (const s of SAMPLES) {
      const bytes = readPcdSample(s.file);
      const ours = parsePcd(bytes);
      const points = loader.parse(bytes.slice().buffer);
      const position = points.geometry.getAttribute('position').array as Float32Array;
      expect(position.length, s.file).toBe(ours.positions.length);
      expect(Array.from(position), s.file).toEqual(Array.from(ours.positions));
      const intensity = points.geometry.getAttribute('intensity');
      if (intensity) expect(Array.from(intensity.array as Float32Array), s.file).toEqual(values(ours.attributes.intensity));
    }
    vi.restoreAllMocks();
  });
});
