// How long a nuScenes dataset's scan holds up the event loop, tables parsed in this thread vs on a
// check-pool worker thread (`npx tsx tests/bench/nuscenesScanStall.ts [annotations]`): generated
// v1.0 tables of one scene (40 boxes per keyframe), the longest event-loop stall and the scan's wall time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CheckPool } from '../../src/server/checks/CheckPool.ts';
import { LocalSource } from '../../src/server/dataset/LocalSource.ts';
import { scanNuscenes } from '../../src/server/dataset/layouts/scanNuscenes.ts';
import { runNuscenesTableTask } from '../../src/server/dataset/layouts/nuscenesTableTask.ts';

const ANNOTATIONS = Number(process.argv[2] ?? 200_000);
const PER_SAMPLE = 40;

function makeTables(root: string): void {
  const samples = Math.ceil(ANNOTATIONS / PER_SAMPLE);
  const q = [1, 0, 0, 0];
  const t: Record<string, unknown[]> = {
    scene: [{ token: 'sc', name: 'scene-0001' }],
    category: [{ token: 'cat', name: 'vehicle.car', description: '' }],
    attribute: [{ token: 'at', name: 'vehicle.moving', description: '' }],
    calibrated_sensor: [{ token: 'cs', sensor_token: 'lidar', translation: [1, 0, 1.8], rotation: q, camera_intrinsic: [] }],
    sample: [],
    sample_data: [],
    ego_pose: [],
    instance: [],
    sample_annotation: [],
  };
  fs.mkdirSync(path.join(root, 'samples', 'LIDAR_TOP'), { recursive: true });
  const pts = new Uint8Array(20 * 10);
  for (let s = 0; s < samples; s++) {
    const time = 1_532_402_927_000_000 + s * 500_000;
    const file = `samples/LIDAR_TOP/n000__LIDAR_TOP__${time}.pcd.bin`;
    fs.writeFileSync(path.join(root, file), pts);
    t.sample.push({ token: `s${s}`, timestamp: time, scene_token: 'sc', prev: s > 0 ? `s${s - 1}` : '', next: s + 1 < samples ? `s${s + 1}` : '' });
    t.ego_pose.push({ token: `e${s}`, translation: [s, 0, 0], rotation: q, timestamp: time });
    t.sample_data.push({
      token: `sd${s}`,
      sample_token: `s${s}`,
      ego_pose_token: `e${s}`,
      calibrated_sensor_token: 'cs',
      filename: file,
      timestamp: time,
      is_key_frame: true,
      fileformat: 'pcd',
      prev: '',
      next: '',
    });
    for (let k = 0; k < PER_SAMPLE; k++) {
      const inst = `i${k}`;
      if (s === 0) t.instance.push({ token: inst, category_token: 'cat', nbr_annotations: samples, first_annotation_token: '', last_annotation_token: '' });
      t.sample_annotation.push({
        token: `a${s}-${k}`,
        sample_token: `s${s}`,
        instance_token: inst,
        visibility_token: '4',
        attribute_tokens: ['at'],
        translation: [s + k, k, 1],
        size: [1.9, 4.5, 1.6],
        rotation: [0.9, 0, 0, 0.43589],
        num_lidar_pts: 10,
        num_radar_pts: 0,
        prev: '',
        next: '',
      });
    }
  }
  fs.mkdirSync(path.join(root, 'v1.0-mini'));
  for (const [name, rows] of Object.entries(t)) fs.writeFileSync(path.join(root, 'v1.0-mini', `${name}.json`), JSON.stringify(rows));
}

async function stall(root: string, pool: CheckPool | null | 'none'): Promise<{ maxMs: number; wallMs: number; taskMs: number; frames: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  // A 10 ms ticker as a second witness: its longest gap is the longest time nothing else could run.
  let last = performance.now();
  let gap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 10);
  const t0 = performance.now();
  const source = new LocalSource({ kind: 'local', root, confinedTo: fs.realpathSync(root) });
  let taskMs = 0;
  const scan = await scanNuscenes(source, {
    runTask: async (task) => {
      const t = performance.now();
      const answer =
        pool === 'none' ? { ok: false as const, message: 'left out' } : pool === null ? runNuscenesTableTask(task) : await pool.runDatasetTask(task);
      taskMs = performance.now() - t;
      return answer;
    },
  });
  const wallMs = performance.now() - t0;
  // Let a timer fire after the scan, so that a block at its very end is measured too.
  await new Promise((r) => setTimeout(r, 30));
  h.disable();
  clearInterval(ticker);
  return { maxMs: Math.max(h.max / 1e6, gap), wallMs, taskMs, frames: scan.frames.length };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cuboid-nustall-'));
try {
  makeTables(root);
  const mb = fs.statSync(path.join(root, 'v1.0-mini', 'sample_annotation.json')).size / 1e6;
  const pool = new CheckPool({ threads: 1 });
  await stall(root, pool); // start the thread
  for (const [name, p] of [
    ['this thread', null],
    ['check-pool thread', pool],
    ['baseline (tables read, not parsed)', 'none'],
  ] as const) {
    const r = await stall(root, p);
    console.log(
      `${ANNOTATIONS} annotations (sample_annotation.json ${mb.toFixed(0)} MB), ${name}: longest event-loop stall ${r.maxMs.toFixed(0)} ms, scan ${r.wallMs.toFixed(0)} ms (tables ${r.taskMs.toFixed(0)} ms), ${r.frames} frames`,
    );
  }
  await pool.close();
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
