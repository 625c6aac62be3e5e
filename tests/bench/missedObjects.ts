/**
 * Tuning script for the missed-object search (`unlabelledCluster`), not part of `npm run bench`:
 * `npx tsx tests/bench/missedObjects.ts [--list] [--only NAME]`.
 *
 * Per dataset it prints
 * - the false missed-object findings per frame with every truth box present (errors, warnings,
 *   infos), and
 * - the recall when each truth object with at least 10 returns is deleted alone: the share found
 *   as an error, and as an error or a warning (a finding whose location lies within 1 m of the
 *   deleted box's footprint).
 *
 * Datasets: (a) the bundled simulated samples (`samples/`, truth from ground_truth.json: every
 * object, labelled or not); (b) simulated 32- and 16-beam sweeps of other seeds (truth from the
 * simulator); (c) the real KITTI frames of ../shared/samples/kitti (label_2, searched in the
 * camera view minus DontCare, as the app does); (d) ../shared/samples/multisensor (AV2 in the
 * vehicle frame, SUSTech Pandar40): BOLLARD and SIGN boxes are scenery, not objects.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createCheckContext } from '../../src/domain/checks/createCheckContext.ts';
import type { CheckContext, LabelRegion } from '../../src/domain/checks/CheckContext.ts';
import type { CheckResult } from '../../src/domain/checks/CheckResult.ts';
import { countObjectPoints } from '../../src/domain/checks/countObjectPoints.ts';
import { analyzeFrame } from '../../src/domain/checks/frame/analyzeFrame.ts';
import { labelRegionFromCamera } from '../../src/domain/checks/labelRegionFromCamera.ts';
import { unlabelledCluster } from '../../src/domain/checks/rules/unlabelledCluster.ts';
import { kittiToCuboid } from '../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../src/domain/kitti/parseKittiLabel.ts';
import { readVelodyneBin } from '../../src/domain/kitti/readVelodyneBin.ts';
import { parsePcd } from '../../src/domain/pcd/parsePcd.ts';
import type { Cuboid, Vec3 } from '../../src/domain/types.ts';
import { buildScene } from '../../src/sim/scene.ts';
import { buildRays, createSensor } from '../../src/sim/sensor.ts';
import { simulateFrame } from '../../src/sim/simulateFrame.ts';

interface Truth {
  box: Cuboid;
  /** Whether a finding here would be right (an object, not scenery such as a bollard). */
  object: boolean;
}

interface EvalFrame {
  name: string;
  positions: Float32Array;
  truth: Truth[];
  labelRegion?: LabelRegion;
}

const SHARED = path.resolve(process.cwd(), '../shared/samples');

function cuboid(id: string, label: string, center: Vec3, size: Vec3, yaw: number): Cuboid {
  return { id, trackId: null, label, center, size, yaw, attributes: { truncated: 0, occluded: 0 }, source: 'manual' };
}

function sampleFrames(): EvalFrame[] {
  const dir = path.resolve('samples');
  const gt = JSON.parse(readFileSync(path.join(dir, 'ground_truth.json'), 'utf8')) as {
    frames: { frameId: string; objects: { trackId: string; class: string; center: Vec3; size: Vec3; yaw: number }[] }[];
  };
  return gt.frames.map((f) => {
    const bin = path.join(dir, 'velodyne', `${f.frameId}.bin`);
    const positions = existsSync(bin)
      ? readVelodyneBin(readFileSync(bin)).positions
      : parsePcd(readFileSync(path.join(dir, 'velodyne', `${f.frameId}.pcd`))).positions;
    const truth = f.objects.map((o) => ({ box: cuboid(o.trackId, o.class, o.center, o.size, o.yaw), object: true }));
    return { name: `samples/${f.frameId}`, positions, truth };
  });
}

function simFrames(beams: number, seeds: number[]): EvalFrame[] {
  const sensor = createSensor({ beams, azimuthSteps: beams >= 64 ? 2000 : 1800 });
  const rays = buildRays(sensor);
  const out: EvalFrame[] = [];
  for (const seed of seeds) {
    const scene = buildScene(seed);
    const frame = simulateFrame(scene, sensor, 3, { rays });
    const truth = frame.objects.map((o) => ({ box: cuboid(o.trackId, o.label, o.center, o.size, o.yaw), object: true }));
    out.push({ name: `sim${beams}/seed${seed}`, positions: frame.cloud.positions, truth });
  }
  return out;
}

function kittiFrames(): EvalFrame[] {
  const dir = path.join(SHARED, 'kitti');
  return ['000000', '000001', '000002'].map((id) => {
    const read = (sub: string, ext: string) => readFileSync(path.join(dir, sub, `${id}.${ext}`));
    const positions = readVelodyneBin(read('velodyne', 'bin')).positions;
    const calib = parseKittiCalib(read('calib', 'txt').toString('utf8'));
    const objects = parseKittiLabel(read('label_2', 'txt').toString('utf8'));
    const truth = objects
      .filter((o) => o.type !== 'DontCare')
      .map((o, i) => ({ box: kittiToCuboid(o, calib, { id: `${id}-${i}` }), object: true }));
    const dontCare = objects.filter((o) => o.type === 'DontCare').map((o) => o.bbox);
    return { name: `kitti/${id}`, positions, truth, labelRegion: labelRegionFromCamera(calib, 1242, dontCare) };
  });
}

function multisensorFrames(): EvalFrame[] {
  const dir = path.join(SHARED, 'multisensor');
  const out: EvalFrame[] = [];
  for (const sub of ['av2_adcf7d18_315973157959879000', 'sustechpoints_example_000975']) {
    const bin = readFileSync(path.join(dir, sub, readdirSync(path.join(dir, sub)).find((f) => f.endsWith('.f32.bin'))!));
    const f32 = new Float32Array(bin.buffer, bin.byteOffset, bin.byteLength / 4);
    const n = f32.length / 5;
    const positions = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      positions[3 * i] = f32[5 * i];
      positions[3 * i + 1] = f32[5 * i + 1];
      positions[3 * i + 2] = f32[5 * i + 2];
    }
    const boxes = JSON.parse(readFileSync(path.join(dir, sub, 'boxes_lidar.json'), 'utf8')) as { label: string; center: Vec3; size: Vec3; yaw: number }[];
    const truth = boxes.map((b, i) => ({ box: cuboid(`${i}`, b.label, b.center, b.size, b.yaw), object: b.label !== 'BOLLARD' && b.label !== 'SIGN' }));
    out.push({ name: `multi/${sub.split('_')[0]}`, positions, truth });
  }
  return out;
}

/** Whether a finding's location lies within `margin` metres of the box footprint. */
function near(r: CheckResult, b: Cuboid, margin = 1): boolean {
  if (r.location === null) return false;
  const dx = r.location[0] - b.center[0];
  const dy = r.location[1] - b.center[1];
  const c = Math.cos(b.yaw);
  const s = Math.sin(b.yaw);
  const u = dx * c + dy * s;
  const v = -dx * s + dy * c;
  return Math.abs(u) <= b.size[0] / 2 + margin && Math.abs(v) <= b.size[1] / 2 + margin;
}

function inRegion(region: LabelRegion | undefined, b: Cuboid): boolean {
  if (region?.azimuth === undefined) return true;
  const a = Math.atan2(b.center[1], b.center[0]);
  const inWedge = (w: [number, number]) => {
    const t = 2 * Math.PI;
    const span = (((w[1] - w[0]) % t) + t) % t;
    return (((a - w[0]) % t) + t) % t <= span;
  };
  return inWedge(region.azimuth) && !(region.ignoreAzimuths ?? []).some(inWedge);
}

interface Tally {
  frames: number;
  falseWarn: number;
  falseErr: number;
  falseInfo: number;
  deleted: number;
  asError: number;
  asWarning: number;
  asInfo: number;
  missedList: string[];
  falseList: string[];
  /** Best confidence per deleted object (0 when not found) and per false finding. */
  hitConf: number[];
  falseConf: number[];
}

const list = process.argv.includes('--list');

/** Scenery cues of the cluster group nearest a finding (for tuning). */
function features(a: ReturnType<typeof analyzeFrame>, r: CheckResult): string {
  if (r.location === null) return '';
  const { clusters: cl, groups: gr } = a;
  let g = -1;
  let bd = Infinity;
  for (let k = 0; k < gr.count; k++) {
    const d = Math.hypot(gr.sumX[k] / gr.points[k] - r.location[0], gr.sumY[k] / gr.points[k] - r.location[1]);
    if (d < bd) {
      bd = d;
      g = k;
    }
  }
  const nb = gr.neighbour[g];
  const f = (v: number) => v.toFixed(2);
  return ` {oh ${gr.overhead[g]} nb ${nb >= 0 ? `${f(cl.length[nb])}x${f(cl.width[nb])}x${f(cl.maxHeight[nb])}` : '-'} cut ${gr.maxElevation[g] >= a.topElevation - 0.007 ? 1 : 0} all ${gr.points[g]}}`;
}

function evaluate(frames: EvalFrame[], t: Tally): void {
  for (const f of frames) {
    const analysis = analyzeFrame(f.positions);
    const grid = analysis.grid;
    const boxes = f.truth.filter((x) => x.object).map((x) => x.box);
    const counts = countObjectPoints(f.positions, boxes, grid);
    const run = (cuboids: Cuboid[], pc?: Uint32Array): CheckResult[] => {
      const ctx: CheckContext = createCheckContext({ frameId: f.name, positions: f.positions, cuboids, analysis, labelRegion: f.labelRegion, pointCounts: pc });
      return unlabelledCluster(ctx);
    };
    const clean = run(boxes, counts);
    t.frames++;
    for (const r of clean) {
      t.falseConf.push(r.confidence ?? 0);
      if (r.severity === 'error') t.falseErr++;
      else if (r.severity === 'warning') t.falseWarn++;
      else t.falseInfo++;
      if (r.severity !== 'info') t.falseList.push(`${f.name} [${r.severity} ${(r.confidence ?? NaN).toFixed(2)}] ${r.message}${features(analysis, r)}`);
    }
    boxes.forEach((b, i) => {
      if (counts[i] < 10 || !inRegion(f.labelRegion, b)) return;
      if (Math.hypot(b.center[0], b.center[1]) < 3) return;
      const rest = boxes.filter((_, k) => k !== i);
      const restCounts = Uint32Array.from(Array.from(counts).filter((_, k) => k !== i));
      const found = run(rest, restCounts).filter((r) => near(r, b));
      t.deleted++;
      t.hitConf.push(Math.max(0, ...found.map((r) => r.confidence ?? 0)));
      const sev = found.some((r) => r.severity === 'error') ? 'error' : found.some((r) => r.severity === 'warning') ? 'warning' : found.length ? 'info' : 'none';
      if (sev === 'error') t.asError++;
      else if (sev === 'warning') t.asWarning++;
      else if (sev === 'info') t.asInfo++;
      if (sev === 'error' && process.argv.includes('--hits')) t.missedList.push(`HIT ${found[0].message}${features(analysis, found[0])}`);
      if (sev !== 'error') {
        const d = Math.hypot(b.center[0], b.center[1]);
        t.missedList.push(`${f.name} ${b.label} ${b.id} at ${d.toFixed(1)} m, ${counts[i]} pts, ${b.size.map((v) => v.toFixed(1)).join('×')}: ${sev} ${found[0]?.message ?? ''}${found[0] ? features(analysis, found[0]) : ''}`);
      }
    });
  }
}

function main(): void {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const sets: [string, () => EvalFrame[]][] = [
    ['samples (sim 64)', sampleFrames],
    ['sim 32 beams', () => simFrames(32, [3, 4, 5])],
    ['sim 16 beams', () => simFrames(16, [6, 7])],
    ['kitti', kittiFrames],
    ['multisensor', multisensorFrames],
  ];
  console.log('dataset            frames  false err+warn/frame  info/frame  deleted  error%  err+warn%');
  for (const [name, load] of sets) {
    if (only !== undefined && !name.includes(only)) continue;
    const t: Tally = { frames: 0, falseWarn: 0, falseErr: 0, falseInfo: 0, deleted: 0, asError: 0, asWarning: 0, asInfo: 0, missedList: [], falseList: [], hitConf: [], falseConf: [] };
    evaluate(load(), t);
    const pct = (v: number) => (t.deleted ? ((100 * v) / t.deleted).toFixed(0) : '-').padStart(6);
    console.log(
      `${name.padEnd(18)} ${String(t.frames).padStart(6)}  ${((t.falseErr + t.falseWarn) / t.frames).toFixed(2).padStart(20)}  ${(t.falseInfo / t.frames).toFixed(1).padStart(10)}  ${String(t.deleted).padStart(7)}  ${pct(t.asError)}  ${pct(t.asError + t.asWarning)}`,
    );
    if (process.argv.includes('--conf')) {
      const th = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
      console.log(`   conf ≥      ${th.map((v) => v.toFixed(1).padStart(5)).join('')}`);
      console.log(`   recall %    ${th.map((v) => ((100 * t.hitConf.filter((c) => c >= v).length) / Math.max(1, t.deleted)).toFixed(0).padStart(5)).join('')}`);
      console.log(`   false/frame ${th.map((v) => (t.falseConf.filter((c) => c >= v).length / t.frames).toFixed(1).padStart(5)).join('')}`);
    }
    if (list) {
      for (const s of t.falseList) console.log(`   FALSE ${s}`);
      for (const s of t.missedList) console.log(`   MISS  ${s}`);
    }
  }
}

main();
