/**
 * PLY and LAS parsing against the best npm readers found, on the same bytes:
 * - binary little-endian PLY (x y z intensity float32, as LiDAR tools write): our `parsePly`
 *   against three.js `PLYLoader.parse` (the faster of the two npm readers measured; the other,
 *   `@loaders.gl/ply` `PLYLoader.parseSync`, is printed beside it);
 * - LAS 1.2 point format 1 (x y z int32 with scale and offset, intensity, returns,
 *   classification, GPS time: the common airborne/mobile-mapping record): our `parseLas` against
 *   `@loaders.gl/las` `LASLoader.parseSync` (positions, intensity, classification only).
 * Clouds are the synthetic street scans of the PCD bench. Ratio = reference time / ours (> 1: we are faster).
 */
import { LASLoader } from '@loaders.gl/las';
import { PLYLoader as LoadersGlPly } from '@loaders.gl/ply';
import { PLYLoader as ThreePly } from 'three/examples/jsm/loaders/PLYLoader.js';
import { parseLas } from '../../src/domain/las/parseLas.ts';
import { parsePly } from '../../src/domain/ply/parsePly.ts';
import type { PointCloud } from '../../src/domain/types.ts';
import { formatRatio } from './BenchReport.ts';
import type { BenchReport, BenchTable } from './BenchReport.ts';
import { collectGarbage, measureAll } from './measure.ts';
import { syntheticCloud } from './syntheticCloud.ts';

const SIZES = [120_000, 1_000_000, 5_000_000];

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

function runsFor(n: number): number {
  return n >= 5_000_000 ? 3 : n >= 1_000_000 ? 5 : 9;
}

/** Binary little-endian PLY of x y z intensity float32. */
function plyBytes(cloud: PointCloud): ArrayBuffer {
  const head = new TextEncoder().encode(
    `ply\nformat binary_little_endian 1.0\ncomment cuboid bench\nelement vertex ${cloud.count}\nproperty float x\nproperty float y\nproperty float z\nproperty float intensity\nend_header\n`,
  );
  const out = new Uint8Array(head.length + cloud.count * 16);
  out.set(head);
  const dv = new DataView(out.buffer);
  const p = cloud.positions;
  const inten = cloud.attributes.intensity as Float32Array;
  for (let i = 0, at = head.length; i < cloud.count; i++, at += 16) {
    dv.setFloat32(at, p[i * 3], true);
    dv.setFloat32(at + 4, p[i * 3 + 1], true);
    dv.setFloat32(at + 8, p[i * 3 + 2], true);
    dv.setFloat32(at + 12, inten[i], true);
  }
  return out.buffer;
}

/** LAS 1.2 point format 1 (28-byte records), millimetre scale. */
function lasBytes(cloud: PointCloud): ArrayBuffer {
  const HEADER = 227;
  const n = cloud.count;
  const out = new Uint8Array(HEADER + n * 28);
  const dv = new DataView(out.buffer);
  out.set([0x4c, 0x41, 0x53, 0x46], 0);
  out[24] = 1;
  out[25] = 2;
  dv.setUint16(94, HEADER, true);
  dv.setUint32(96, HEADER, true);
  out[104] = 1;
  dv.setUint16(105, 28, true);
  dv.setUint32(107, n, true);
  for (let k = 0; k < 3; k++) dv.setFloat64(131 + 8 * k, 0.001, true);
  const p = cloud.positions;
  const inten = cloud.attributes.intensity as Float32Array;
  for (let i = 0, at = HEADER; i < n; i++, at += 28) {
    for (let k = 0; k < 3; k++) dv.setInt32(at + 4 * k, Math.round(p[i * 3 + k] * 1000), true);
    dv.setUint16(at + 12, Math.round(inten[i] * 255), true);
    out[at + 14] = 1 | (1 << 3);
    out[at + 15] = 1;
    dv.setFloat64(at + 20, 1000 + i * 1e-6, true);
  }
  return out.buffer;
}

interface First {
  count: number;
  xyz: number[];
}

const firstOf = (count: number, p: ArrayLike<number>): First => ({ count, xyz: [p[0], p[1], p[2]] });

function same(a: First, b: First): boolean {
  return a.count === b.count && a.xyz.every((v, i) => Math.abs(v - b.xyz[i]) < 1e-3);
}

function benchPly(table: BenchTable, cloud: PointCloud, n: number): void {
  const buffer = plyBytes(cloud);
  const bytes = new Uint8Array(buffer);
  const mb = buffer.byteLength / 1e6;
  const { ours, three, loadersGl } = measureAll(
    {
      ours: () => {
        const c = parsePly(bytes);
        return firstOf(c.count, c.positions);
      },
      three: () => {
        const g = new ThreePly().parse(buffer);
        return firstOf(g.getAttribute('position').count, g.getAttribute('position').array);
      },
      loadersGl: () => {
        const m = LoadersGlPly.parseSync?.(buffer, {}) as unknown as { header: { vertexCount: number }; attributes: { POSITION: { value: Float32Array } } };
        return firstOf(m.header.vertexCount, m.attributes.POSITION.value);
      },
    },
    { runs: runsFor(n), slowMs: 8000 },
  );
  const ok = same(ours.result, three.result) && same(ours.result, loadersGl.result) && ours.result.count === n;
  table.row(`PLY binary LE ${label(n)}`, ours.medianMs, three.medianMs, {
    MB: mb.toFixed(1),
    'Mpts/s': (n / 1e6 / (ours.medianMs / 1000)).toFixed(1),
    'ratio (min)': formatRatio(three.minMs / ours.minMs),
    'loaders.gl ms': loadersGl.medianMs.toFixed(0),
    'vs loaders.gl': formatRatio(loadersGl.medianMs / ours.medianMs),
    runs: ours.runs,
    check: ok ? '✓' : '✗',
  });
}

function benchLas(table: BenchTable, cloud: PointCloud, n: number): void {
  const buffer = lasBytes(cloud);
  const bytes = new Uint8Array(buffer);
  const mb = buffer.byteLength / 1e6;
  const { ours, loadersGl } = measureAll(
    {
      ours: () => {
        const c = parseLas(bytes);
        return firstOf(c.count, c.positions);
      },
      loadersGl: () => {
        const m = LASLoader.parseSync?.(buffer, { las: { shape: 'mesh', colorDepth: 8, skip: 1, fp64: false } } as never) as unknown as {
          header: { vertexCount: number };
          attributes: { POSITION: { value: Float32Array } };
        };
        return firstOf(m.header.vertexCount, m.attributes.POSITION.value);
      },
    },
    { runs: runsFor(n), slowMs: 8000 },
  );
  const ok = same(ours.result, loadersGl.result) && ours.result.count === n;
  table.row(`LAS 1.2 format 1 ${label(n)}`, ours.medianMs, loadersGl.medianMs, {
    MB: mb.toFixed(1),
    'Mpts/s': (n / 1e6 / (ours.medianMs / 1000)).toFixed(1),
    'ratio (min)': formatRatio(loadersGl.minMs / ours.minMs),
    'loaders.gl ms': '',
    'vs loaders.gl': '',
    runs: ours.runs,
    check: ok ? '✓' : '✗',
  });
}

export async function run(report: BenchReport): Promise<void> {
  const table = report.table({
    title: 'PLY and LAS parsing (whole file, same bytes)',
    reference: 'PLY: three.js PLYLoader; LAS: @loaders.gl/las LASLoader',
    columns: ['MB', 'Mpts/s', 'ratio (min)', 'loaders.gl ms', 'vs loaders.gl', 'runs', 'check'],
    nameWidth: 28,
  });
  const sizes = report.options.quick ? SIZES.filter((n) => n < 5_000_000) : SIZES;
  for (const n of sizes) {
    const cloud = syntheticCloud(n);
    benchPly(table, cloud, n);
    collectGarbage();
    benchLas(table, cloud, n);
    collectGarbage();
  }
  table.note(
    'PLY: x y z intensity float32, binary little-endian; ours keeps intensity as an attribute, three.js keeps it too (as a custom attribute), loaders.gl as well.',
  );
  table.note(
    'LAS: point format 1 (28-byte records); ours decodes positions, intensity, returns, classification, scan angle, user data, source id and GPS time; loaders.gl positions, intensity and classification.',
  );
  table.note(
    'ratio = reference / ours from medians (> 1: ours faster); ratio (min) from the fastest runs; check: point count and first point equal across readers.',
  );
}
