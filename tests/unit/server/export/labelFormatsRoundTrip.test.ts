import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import npyjs from 'npyjs';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../src/domain/formats/LabelFormats.ts';
import { rigidFromYaw } from '../../../../src/domain/poses/rigid.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { wrapAngle } from '../../../../src/domain/kitti/wrapAngle.ts';
import { DirectorySink } from '../../../../src/server/export/ExportSink.ts';
import { ReadOnlyExportSource } from '../../../../src/server/export/ReadOnlyExportSource.ts';
import { exportLabelFormat, type LabelExportFormat } from '../../../../src/server/export/formats/exportLabelFormat.ts';
import { importLabelFormat } from '../../../../src/server/import/formats/importLabelFormat.ts';
import { openWorkspace } from '../../../../src/server/openWorkspace.ts';
import { runCli } from '../../cli/runCli.ts';
import { SHARED_KITTI, makeTempDir, readTree } from '../fixtures/makeDataset.ts';

const root = makeTempDir();
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const FORMATS = EXPORT_FORMATS.filter((f): f is LabelExportFormat => f !== 'kitti');
const SCHEMA = JSON.parse(fs.readFileSync(path.resolve('tests/vendor/openlabel/openlabel_json_schema-v1.0.0.json'), 'utf8')) as object;
const validateOpenLabel = new Ajv({ strict: false, allErrors: true }).compile(SCHEMA);

/** Boxes of every frame of a dataset (its database in `state`, else its label_2), by frame id. */
async function boxesOf(dir: string, state: string | undefined): Promise<Map<string, Cuboid[]>> {
  const src = await ReadOnlyExportSource.open({ dataDir: dir, ...(state !== undefined ? { stateDir: state } : {}) });
  try {
    const out = new Map<string, Cuboid[]>();
    for (const id of src.dataset.ids()) out.set(id, (await src.getAnnotation(src.dataset.get(id)!)).cuboids);
    return out;
  } finally {
    await src.close();
  }
}

/**
 * The largest centre/size difference (m) and heading difference (rad) between two datasets' boxes,
 * matched per frame in order (`byTrack`: in track id order, for formats that list a frame's boxes by object).
 */
function geometryDiff(a: Map<string, Cuboid[]>, b: Map<string, Cuboid[]>, byTrack = false): { m: number; rad: number; count: number } {
  let m = 0;
  let rad = 0;
  let count = 0;
  const order = (list: Cuboid[]): Cuboid[] => (byTrack ? [...list].sort((x, y) => ((x.trackId ?? '') < (y.trackId ?? '') ? -1 : 1)) : list);
  for (const [id, unordered] of a) {
    const boxes = order(unordered);
    const other = order(b.get(id) ?? []);
    expect({ id, n: other.length }).toEqual({ id, n: boxes.length });
    boxes.forEach((x, i) => {
      const y = other[i];
      for (let k = 0; k < 3; k++) m = Math.max(m, Math.abs(x.center[k] - y.center[k]), Math.abs(x.size[k] - y.size[k]));
      rad = Math.max(rad, Math.abs(wrapAngle(x.yaw - y.yaw)));
      count++;
    });
  }
  return { m, rad, count };
}

function checkFormatFiles(format: ExportFormat, out: string): void {
  if (format === 'openlabel') {
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'openlabel.json'), 'utf8')) as unknown;
    const ok = validateOpenLabel(doc);
    expect(validateOpenLabel.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  }
  if (format === 'openpcdet' && fs.existsSync(path.join(out, 'points'))) {
    const npy = fs.readdirSync(path.join(out, 'points'));
    const file = fs.readFileSync(path.join(out, 'points', npy[0]));
    const parsed = new npyjs().parse(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    expect(parsed.dtype).toBe('f4');
    expect(parsed.shape[1]).toBe(4);
    expect(parsed.data).toBeInstanceOf(Float32Array);
    expect((parsed.data as Float32Array).length).toBe(parsed.shape[0] * 4);
    // The first point is the first finite point of the frame's KITTI .bin, bit for bit.
    const bin = new Float32Array(new Uint8Array(fs.readFileSync(path.join(SHARED_KITTI, 'velodyne', npy[0].replace('.npy', '.bin')))).buffer);
    expect([...(parsed.data as Float32Array).slice(0, 4)]).toEqual([...bin.slice(0, 4)]);
  }
}

describe('label formats on the real KITTI frames: export → import → export', () => {
  for (const format of FORMATS) {
    it(`${format}: byte-stable, geometry within 1e-6 m / 1e-6 rad`, async () => {
      const dir = path.join(root, `kitti-${format}`);
      const out1 = path.join(dir, 'out1');
      fs.mkdirSync(path.join(dir, 's1'), { recursive: true });
      const first = await runCli(['export', SHARED_KITTI, '--out', out1, '--format', format, '--state', path.join(dir, 's1')]);
      // A fresh state (the shared samples are read-only): the export says its labels are the shipped ones.
      expect(first.code).toBe(0);
      expect(first.err).toMatch(
        /^cuboid export: warning {2}--state .*s1 holds no cuboid\.db and no label_2: the labels come from the dataset's own label_2[^\n]*\n$/,
      );
      checkFormatFiles(format, out1);
      const manifest = JSON.parse(fs.readFileSync(path.join(out1, 'cuboid_export.json'), 'utf8')) as Record<string, unknown>;
      // nuScenes gets nuScenes categories (KITTI classes mapped: the README's table, inverted), the others KITTI's.
      const classes =
        format === 'nuscenes'
          ? ['Misc', 'human.pedestrian.adult', 'vehicle.bicycle', 'vehicle.car', 'vehicle.truck']
          : ['Car', 'Cyclist', 'Misc', 'Pedestrian', 'Truck'];
      expect(manifest).toMatchObject({ format, frames: 3, boxes: 6, classes });
      expect((manifest.conversions as string[]).length).toBeGreaterThan(0);

      const bare = path.join(dir, 'kitti');
      for (const sub of ['velodyne', 'calib', 'image_2']) fs.cpSync(path.join(SHARED_KITTI, sub), path.join(bare, sub), { recursive: true });
      const imported = await runCli(['import', bare, '--labels', out1, '--format', format, '--state', path.join(dir, 's2')]);
      expect(imported).toMatchObject({ code: 0, err: '' });
      expect(imported.out).toMatch(/imported 6 boxes into 3 frames/);
      const out2 = path.join(dir, 'out2');
      expect((await runCli(['export', bare, '--out', out2, '--format', format, '--state', path.join(dir, 's2')])).code).toBe(0);

      const t1 = readTree(out1);
      const t2 = readTree(out2);
      expect([...t2.keys()].sort()).toEqual([...t1.keys()].sort());
      t1.delete('cuboid_export.json'); // names the dataset folder and the track ids it started from
      for (const [name, bytes] of t1) expect({ name, same: Buffer.compare(bytes, t2.get(name)!) === 0 }).toEqual({ name, same: true });

      // The shipped label_2 is %.2f in the camera frame: the export keeps what it reads to 1e-6.
      const d = geometryDiff(await boxesOf(SHARED_KITTI, undefined), await boxesOf(bare, path.join(dir, 's2')));
      expect(d.count).toBe(6);
      expect(d.m).toBeLessThan(1e-6);
      expect(d.rad).toBeLessThan(1e-6);
    }, 60_000);
  }
});

interface TruthFrame {
  frameId: string;
  time: number;
  egoPose: { position: [number, number, number]; yaw: number };
  objects: {
    trackId: string;
    class: string;
    center: [number, number, number];
    size: [number, number, number];
    yaw: number;
    labelled: boolean;
    occluded: number;
    truncated: number;
  }[];
}

describe('label formats on the simulated 10-frame sequence with tracks and ego poses', () => {
  const samples = path.resolve('samples');
  const truth = (JSON.parse(fs.readFileSync(path.join(samples, 'ground_truth.json'), 'utf8')) as { frames: TruthFrame[] }).frames;
  const byId = new Map(truth.map((f) => [f.frameId, f]));
  const placement = (frame: { id: string }) => {
    const f = byId.get(frame.id)!;
    return { sequence: 'street', pose: rigidFromYaw(f.egoPose.yaw, f.egoPose.position) };
  };
  const timestamp = (frame: { id: string }) => byId.get(frame.id)!.time;
  const truthBoxes = new Map<string, Cuboid[]>(
    truth.map((f) => [
      f.frameId,
      f.objects
        .filter((o) => o.labelled)
        .map((o, i): Cuboid => ({
          id: `${f.frameId}-${i}`,
          trackId: o.trackId,
          label: o.class,
          center: o.center,
          size: o.size,
          yaw: o.yaw,
          attributes: { truncated: o.truncated, occluded: o.occluded },
          source: 'manual',
          ...(i % 3 === 0 ? { score: 0.5 + i / 100 } : {}),
        })),
    ]),
  );

  for (const format of FORMATS) {
    it(`${format}: byte-stable, tracks kept, geometry within 1e-6 m / 1e-6 rad`, async () => {
      const dir = path.join(root, `sim-${format}`);
      const s1 = path.join(dir, 's1');
      const ws = await openWorkspace({ dataDir: samples, stateDir: s1 });
      try {
        for (const [id, cuboids] of truthBoxes) {
          const frame = ws.service.dataset.get(id)!;
          const current = await ws.service.getAnnotation(frame, null);
          const r = await ws.service.saveAnnotation(frame, { ...current, cuboids, dontCare: [] }, current.revision, null);
          expect(r.ok).toBe(true);
        }
      } finally {
        await ws.close();
      }
      const exportTo = async (state: string, out: string) => {
        const src = await ReadOnlyExportSource.open({ dataDir: samples, stateDir: state });
        try {
          return await exportLabelFormat(src, new DirectorySink(out), { format, points: false, placement, timestamp });
        } finally {
          await src.close();
        }
      };
      const out1 = path.join(dir, 'out1');
      const summary = await exportTo(s1, out1);
      expect(summary.frames).toBe(10);
      checkFormatFiles(format, out1);

      const s2 = path.join(dir, 's2');
      const ws2 = await openWorkspace({ dataDir: samples, stateDir: s2 });
      try {
        const imp = await importLabelFormat(ws2.service, out1, format as Exclude<LabelExportFormat, 'mmdet3d'> | 'mmdet3d', { actor: 'test' });
        expect(imp.errors).toEqual([]);
        expect(imp.imported.length).toBe(10);
      } finally {
        await ws2.close();
      }
      const out2 = path.join(dir, 'out2');
      await exportTo(s2, out2);
      const t1 = readTree(out1);
      const t2 = readTree(out2);
      t1.delete('cuboid_export.json');
      for (const [name, bytes] of t1) expect({ name, same: Buffer.compare(bytes, t2.get(name)!) === 0 }).toEqual({ name, same: true });

      const back = await boxesOf(samples, s2);
      const d = geometryDiff(truthBoxes, back, format === 'openlabel');
      expect(d.count).toBeGreaterThan(50);
      expect(d.m).toBeLessThan(1e-6);
      expect(d.rad).toBeLessThan(1e-6);
      if (format !== 'openpcdet' && format !== 'mmdet3d') {
        // One imported track per simulated track, across frames.
        const pairs = new Set<string>();
        for (const [id, boxes] of truthBoxes) {
          const got = back.get(id)!;
          boxes.forEach((b, i) => pairs.add(`${b.trackId}=>${(format === 'openlabel' ? got.find((g) => g.trackId === b.trackId) : got[i])?.trackId}`));
        }
        const truthTracks = new Set([...truthBoxes.values()].flat().map((b) => b.trackId));
        expect(pairs.size).toBe(truthTracks.size);
      }
      if (format === 'openlabel' || format === 'kitti-tracking') {
        const scored = [...back.values()].flat().filter((b) => b.score !== undefined).length;
        expect(scored).toBe([...truthBoxes.values()].flat().filter((b) => b.score !== undefined).length);
      }
    }, 120_000);
  }
});
