/**
 * PCD parsing: our `parsePcd` and `PcdStreamParser` (64 KiB chunks) against three.js
 * `PCDLoader().parse(arrayBuffer)` on the same bytes, per encoding and size.
 * Files are synthetic street scans (x y z intensity, F4) written by our `writePcd`; ascii uses
 * 8 significant digits, as PCL writes. Ratio = three.js time / our time (> 1: we are faster).
 */
import { PCDLoader } from 'three/examples/jsm/loaders/PCDLoader.js';
import type { PcdEncoding } from '../../src/domain/pcd/PcdHeader.ts';
import { PcdStreamParser } from '../../src/domain/pcd/PcdStreamParser.ts';
import { parsePcd } from '../../src/domain/pcd/parsePcd.ts';
import { writePcd } from '../../src/domain/pcd/writePcd.ts';
import type { PointCloud } from '../../src/domain/types.ts';
import { formatRatio } from './BenchReport.ts';
import type { BenchReport, BenchTable } from './BenchReport.ts';
import { collectGarbage, measureAll } from './measure.ts';
import { syntheticCloud } from './syntheticCloud.ts';

const ENCODINGS: PcdEncoding[] = ['ascii', 'binary', 'binary_compressed'];
const SIZES = [120_000, 1_000_000, 5_000_000];
const CHUNK = 64 * 1024;
/** PCL's ascii writer default. */
const ASCII_DIGITS = 8;

interface FirstPoint {
  count: number;
  xyzi: number[];
}

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

function runsFor(n: number): number {
  return n >= 5_000_000 ? 3 : n >= 1_000_000 ? 7 : 9;
}

function parseWithThree(buffer: ArrayBuffer): FirstPoint {
  const points = new PCDLoader().parse(buffer);
  const pos = points.geometry.getAttribute('position');
  const inten = points.geometry.getAttribute('intensity');
  return { count: pos.count, xyzi: [pos.getX(0), pos.getY(0), pos.getZ(0), inten.getX(0)] };
}

function firstOf(cloud: PointCloud): FirstPoint {
  const p = cloud.positions;
  return { count: cloud.count, xyzi: [p[0], p[1], p[2], Number(cloud.attributes.intensity[0])] };
}

function parseStreamed(bytes: Uint8Array): { first: FirstPoint; batches: number; batchPoints: number } {
  const parser = new PcdStreamParser();
  let batches = 0;
  let batchPoints = 0;
  for (let o = 0; o < bytes.length; o += CHUNK) {
    for (const b of parser.push(bytes.subarray(o, o + CHUNK))) {
      batches++;
      batchPoints += b.count;
    }
  }
  return { first: firstOf(parser.end()), batches, batchPoints };
}

/** Describes how `got` differs from `want` ('' when it does not). */
function mismatch(what: string, got: FirstPoint, want: FirstPoint): string {
  if (got.count !== want.count) return `${what}: ${got.count} points vs ${want.count}`;
  const same = got.xyzi.every((v, i) => Object.is(v, want.xyzi[i]));
  return same ? '' : `${what}: first point [${got.xyzi.join(', ')}] vs [${want.xyzi.join(', ')}]`;
}

function benchOne(table: BenchTable, cloud: PointCloud, encoding: PcdEncoding, n: number): void {
  const bytes = writePcd(cloud, {
    encoding,
    fields: ['intensity'],
    precision: encoding === 'ascii' ? ASCII_DIGITS : undefined,
  });
  // three.js wants an ArrayBuffer holding exactly the file.
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  const mb = bytes.length / 1e6;
  const runs = runsFor(n);

  // Round robin: ours, three.js, stream, ours, ... (see measureAll).
  const { ours, three, stream } = measureAll(
    {
      ours: () => firstOf(parsePcd(bytes)),
      three: () => parseWithThree(buffer),
      stream: () => parseStreamed(bytes),
    },
    { runs, slowMs: 8000 },
  );
  const oursFirst = ours.result;
  const streamed = stream.result;
  const problems = [
    mismatch('parsePcd vs three.js', oursFirst, three.result),
    mismatch('stream vs parsePcd', streamed.first, oursFirst),
    oursFirst.count === n ? '' : `parsePcd: ${oursFirst.count} points, wrote ${n}`,
    streamed.batchPoints === n ? '' : `stream batches hold ${streamed.batchPoints} points, expected ${n}`,
  ].filter(Boolean);
  const check = problems.length === 0 ? '✓' : '✗';
  const name = `${encoding} ${label(n)}`;
  const rate = (ms: number) => ({
    'MB/s': (mb / (ms / 1000)).toFixed(0),
    'Mpts/s': (n / 1e6 / (ms / 1000)).toFixed(1),
  });
  table.row(name, ours.medianMs, three.medianMs, {
    MB: mb.toFixed(1),
    ...rate(ours.medianMs),
    'ratio (min)': formatRatio(three.minMs / ours.minMs),
    runs: ours.runs,
    check,
  });
  table.row(`${name} stream 64 KiB`, stream.medianMs, three.medianMs, {
    MB: '',
    ...rate(stream.medianMs),
    'ratio (min)': formatRatio(three.minMs / stream.minMs),
    runs: stream.runs,
    check,
  });
  for (const p of problems) table.note(`✗ ${name}: ${p}`);
}

export async function run(report: BenchReport): Promise<void> {
  const table = report.table({
    title: 'PCD parsing (x y z intensity, F4)',
    reference: 'three.js PCDLoader.parse',
    columns: ['MB', 'MB/s', 'Mpts/s', 'ratio (min)', 'runs', 'check'],
    nameWidth: 36,
  });
  const sizes = report.options.quick ? SIZES.filter((n) => n < 5_000_000) : SIZES;
  for (const n of sizes) {
    const cloud = syntheticCloud(n);
    for (const encoding of ENCODINGS) {
      benchOne(table, cloud, encoding, n);
      collectGarbage(); // the file and both parsers' outputs are garbage now
    }
  }
  table.note('ratio = three.js / ours on the same bytes, from medians; ratio (min) from the fastest runs (less sensitive to other load).');
  table.note('MB/s and Mpts/s are ours; runs = timed runs per contender, taken round robin after a warm-up.');
  table.note(`stream = PcdStreamParser fed ${CHUNK / 1024} KiB chunks, batches copied out, then end(); its ratio is against three.js whole-file parse.`);
  table.note(`check: point count and first point (x y z intensity) identical between parsePcd, three.js and the stream parser.`);
}
