// Export time for 1,000 frames in each label format: `npx tsx tests/bench/labelExport.bench.ts`.
// A generated KITTI-layout dataset (no calib: the no-camera convention), 1,000 frames of 2,000
// points (x y z intensity .bin) and 20 boxes each; `cuboid export --format F` in-process, wall time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_FORMATS } from '../../src/domain/formats/LabelFormats.ts';
import { runExport } from '../../src/cli/exportCommand.ts';

const FRAMES = 1000;
const POINTS = 2000;
const BOXES = 20;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-labelbench-'));
const data = path.join(root, 'data');
fs.mkdirSync(path.join(data, 'velodyne'), { recursive: true });
fs.mkdirSync(path.join(data, 'label_2'), { recursive: true });
for (let f = 0; f < FRAMES; f++) {
  const id = String(f).padStart(6, '0');
  const pts = new Float32Array(POINTS * 4);
  for (let i = 0; i < POINTS; i++) pts.set([5 + (i % 50), -20 + ((i * 7) % 40), -1.5 + (i % 13) * 0.1, (i % 100) / 100], i * 4);
  fs.writeFileSync(path.join(data, 'velodyne', `${id}.bin`), new Uint8Array(pts.buffer));
  let label = '';
  // No calib: camera x = -LiDAR y, camera y = -LiDAR z, camera z = LiDAR x (the synthetic convention).
  for (let b = 0; b < BOXES; b++) label += `Car 0.00 0 0.00 0.00 0.00 0.00 0.00 1.50 1.80 4.20 ${(-10 + b).toFixed(2)} 1.60 ${(8 + b * 2 + f * 0.01).toFixed(2)} ${(-1.57 + b * 0.01).toFixed(2)}\n`;
  fs.writeFileSync(path.join(data, 'label_2', `${id}.txt`), label);
}
const rows: string[] = [];
for (const format of EXPORT_FORMATS) {
  const out = path.join(root, `out-${format}`);
  const t0 = performance.now();
  const s = await runExport(data, { out, format, state: path.join(root, 'state') });
  const ms = performance.now() - t0;
  rows.push(`${format.padEnd(15)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${(ms / FRAMES).toFixed(2).padStart(6)} ms/frame   (${s.frames} frames)`);
}
console.log(`export of ${FRAMES} frames (${POINTS} points, ${BOXES} boxes each), points included:`);
for (const r of rows) console.log(`  ${r}`);
fs.rmSync(root, { recursive: true, force: true });
