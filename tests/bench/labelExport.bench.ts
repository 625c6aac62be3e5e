// Export time for 1,000 frames in each label format (`npm run bench -- --only formats`): a generated
// KITTI-layout dataset (no calib: the no-camera convention) of 1,000 frames with 2,000 points
// (x y z intensity .bin) and 20 boxes each, exported by `runExport` (what `cuboid export --format F`
// runs), points included; wall time on the shared machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExport } from '../../src/cli/exportCommand.ts';
import { EXPORT_FORMATS } from '../../src/domain/formats/LabelFormats.ts';
import type { BenchReport } from './BenchReport.ts';

const FRAMES = 1000;
const POINTS = 2000;
const BOXES = 20;

/** Writes the dataset: `velodyne/ID.bin` and `label_2/ID.txt` (camera x = −LiDAR y, y = −z, z = x without a calib). */
function makeDataset(data: string): void {
  fs.mkdirSync(path.join(data, 'velodyne'), { recursive: true });
  fs.mkdirSync(path.join(data, 'label_2'), { recursive: true });
  for (let f = 0; f < FRAMES; f++) {
    const id = String(f).padStart(6, '0');
    const pts = new Float32Array(POINTS * 4);
    for (let i = 0; i < POINTS; i++) pts.set([5 + (i % 50), -20 + ((i * 7) % 40), -1.5 + (i % 13) * 0.1, (i % 100) / 100], i * 4);
    fs.writeFileSync(path.join(data, 'velodyne', `${id}.bin`), new Uint8Array(pts.buffer));
    let label = '';
    for (let b = 0; b < BOXES; b++)
      label += `Car 0.00 0 0.00 0.00 0.00 0.00 0.00 1.50 1.80 4.20 ${(-10 + b).toFixed(2)} 1.60 ${(8 + b * 2 + f * 0.01).toFixed(2)} ${(-1.57 + b * 0.01).toFixed(2)}\n`;
    fs.writeFileSync(path.join(data, 'label_2', `${id}.txt`), label);
  }
}

export async function run(report: BenchReport): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-labelbench-'));
  try {
    const data = path.join(root, 'data');
    makeDataset(data);
    const table = report.table({
      title: `Export of ${FRAMES} frames in each label format (${POINTS} points, ${BOXES} boxes per frame, points written)`,
      reference: 'none',
      columns: ['per frame', 'frames'],
      nameWidth: 20,
    });
    for (const format of EXPORT_FORMATS) {
      const t0 = performance.now();
      const s = await runExport(data, { out: path.join(root, `out-${format}`), format });
      const ms = performance.now() - t0;
      table.row(format, ms, null, { 'per frame': `${(ms / FRAMES).toFixed(2)} ms`, frames: s.frames });
    }
    table.note('wall time of runExport (read labels and points, convert, write the tree, move it into place); 2 shared cores.');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
