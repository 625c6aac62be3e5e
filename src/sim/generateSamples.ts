/**
 * Node entry of `npm run samples`: generates the bundled sample dataset into `samples/` (or the
 * folder given as the first argument). The only file of src/sim that touches the file system.
 * It replaces velodyne/, image_2/, calib/, label_2/, poses.txt, ground_truth.json and README.md and leaves
 * the rest.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildSampleDataset, defaultSampleOptions } from './buildSampleDataset.ts';
import { nodeDeflate } from './nodeDeflate.ts';

function main(): void {
  const outDir = resolve(process.argv[2] ?? 'samples');
  const opts = defaultSampleOptions();
  const { files } = buildSampleDataset(
    opts,
    (f) => {
      const labelled = f.objects.filter((o) => o.labelled).length;
      process.stdout.write(`frame ${f.frameId}: ${f.points} points, ${labelled} labelled objects (${f.format})\n`);
    },
    nodeDeflate,
  );
  for (const managed of ['velodyne', 'image_2', 'calib', 'label_2', 'poses.txt', 'ground_truth.json', 'README.md']) {
    rmSync(resolve(outDir, managed), { recursive: true, force: true });
  }
  let total = 0;
  for (const file of files) {
    const path = resolve(outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
    total += file.bytes.length;
  }
  process.stdout.write(`wrote ${files.length} files, ${(total / 1e6).toFixed(2)} MB, to ${outDir}\n`);
}

main();
