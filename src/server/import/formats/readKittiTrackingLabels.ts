import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportedFrame } from '../../../domain/formats/common/LabelFrame.ts';
import type { KittiCalib } from '../../../domain/kitti/KittiCalib.ts';
import { kittiToCuboid } from '../../../domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../../domain/kitti/parseKittiCalib.ts';
import { groupByFrame, parseTrackingLabels, trackingTrackId } from '../../../domain/kittiTracking/parseTrackingLabels.ts';
import type { Dataset } from '../../dataset/Dataset.ts';
import { readFrameFile } from '../../dataset/frameFiles.ts';
import { framePlacement } from '../../export/formats/framePlacement.ts';
import { EXPORT_MANIFEST } from '../../export/exportDataset.ts';
import { isDir, message, type ReadLabels } from './readLabelFormat.ts';

/**
 * KITTI tracking labels: `labelsPath` is an export root (holding `training/label_02`), a
 * `training` folder, a `label_02` folder or one `SEQ.txt`. Each sequence's boxes are converted
 * with `calib/SEQ.txt` beside `label_02` when there is one (the calib they were written with),
 * else the frame's own calib, else the no-camera convention. Track ids become `t<N>-s<SEQ>`.
 *
 * Frames are matched by the `trackingFrames` of a `cuboid_export.json` beside the labels (an
 * export of this tool), else: the dataset's frames of the sequence named `SEQ` when it has one
 * (a KITTI tracking dataset), else the dataset's sequences in order; frame N = the sequence's
 * N-th frame.
 */
export async function readKittiTrackingLabels(dataset: Dataset, labelsPath: string): Promise<ReadLabels> {
  const out: ReadLabels = { frames: [], unknownFrames: [], errors: [] };
  let files: string[];
  let labelDir: string;
  if (await isDir(labelsPath)) {
    const candidates = [path.join(labelsPath, 'training', 'label_02'), path.join(labelsPath, 'label_02'), labelsPath];
    labelDir = labelsPath;
    for (const c of candidates) {
      if (await isDir(c)) {
        labelDir = c;
        break;
      }
    }
    files = (await fs.readdir(labelDir))
      .filter((n) => /\.txt$/i.test(n))
      .sort()
      .map((n) => path.join(labelDir, n));
  } else {
    labelDir = path.dirname(labelsPath);
    files = [labelsPath];
  }
  const addresses = await readManifestAddresses(labelDir);
  const sequences = datasetSequences(dataset);
  const seqOrder = [...sequences.keys()];
  for (const file of files) {
    const name = path.basename(file);
    const seq = name.slice(0, -4);
    try {
      const labels = parseTrackingLabels(await fs.readFile(file, 'utf8'), { fileName: name });
      const calibFile = path.join(labelDir, '..', 'calib', name);
      const seqCalib = await fs.readFile(calibFile, 'utf8').then(
        (t) => parseKittiCalib(t, { fileName: `calib/${name}` }),
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return null;
          throw err;
        },
      );
      const frameIds = sequences.get(seq) ?? sequences.get(seqOrder[Number(seq)] ?? '\0') ?? null;
      const found: ImportedFrame[] = [];
      for (const [n, rows] of groupByFrame(labels)) {
        const id = addresses?.get(`${seq}/${n}`) ?? frameIds?.[n];
        const frame = id === undefined ? undefined : dataset.get(id);
        if (id === undefined || frame === undefined) {
          out.unknownFrames.push(`${name} frame ${n}`);
          continue;
        }
        const calib: KittiCalib | null =
          seqCalib ??
          (frame.calibPath === null
            ? null
            : parseKittiCalib((await readFrameFile(frame, frame.calibPath)).toString('utf8'), { fileName: path.basename(frame.calibPath) }));
        const imported: ImportedFrame = { frameId: id, cuboids: [], dontCare: [] };
        rows.forEach((r, k) => {
          if (r.object.type === 'DontCare') imported.dontCare.push(r.object);
          else imported.cuboids.push(kittiToCuboid(r.object, calib, { id: `${id}#${k + 1}`, trackId: trackingTrackId(seq, r.trackId) }));
        });
        found.push(imported);
      }
      out.frames.push(...found);
    } catch (err) {
      out.errors.push({ file: name, error: message(err) });
    }
  }
  return out;
}

/** `SEQ/N` → frame id from the manifest of a Cuboid export beside `labelDir` (up to two folders up), or null. */
async function readManifestAddresses(labelDir: string): Promise<Map<string, string> | null> {
  for (const dir of [labelDir, path.dirname(labelDir), path.dirname(path.dirname(labelDir))]) {
    const text = await fs.readFile(path.join(dir, EXPORT_MANIFEST), 'utf8').catch(() => null);
    if (text === null) continue;
    try {
      const m = JSON.parse(text) as { trackingFrames?: { frameId: string; sequence: string; frame: number }[] };
      if (!Array.isArray(m.trackingFrames)) return null;
      return new Map(m.trackingFrames.map((a) => [`${a.sequence}/${a.frame}`, a.frameId]));
    } catch {
      return null;
    }
  }
  return null;
}

/** The dataset's frame ids by sequence, in dataset order (one sequence `''` for a dataset without sequences). */
function datasetSequences(dataset: Dataset): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of dataset.ids()) {
    const f = dataset.get(id);
    if (f === undefined) continue;
    const seq = framePlacement(f).sequence;
    const list = out.get(seq);
    if (list === undefined) out.set(seq, [id]);
    else list.push(id);
  }
  return out;
}
