/**
 * One-click fit quality on real and simulated frames (not the official bench; see tests/bench/quality).
 *
 *   npx tsx tests/bench/fitQuality.ts [--rows] [--no-sim] [--random-only] [--sensor]
 *
 * For every labelled object with at least 10 returns inside its true box, `fitCuboid` is run from
 * a click at the box centre and from a click at a random (seeded) non-ground point of the object,
 * with the object's class. Reported per data source and class group: median and mean BEV IoU,
 * mean 3D IoU, median heading error modulo π (degrees), share of fits pointing backwards (heading
 * error over 90°), and the share with no fit. Also the time of one fit on a 120k-point frame.
 * `--sensor` passes the sensor model `estimateScanSensor` reads off each scan (as the worker does).
 *
 * Sources: the real KITTI frames in ../shared/samples/kitti (labels through `kittiToCuboid`), the
 * real Argoverse 2 and SUSTechPOINTS frames in ../shared/samples/multisensor (boxes_lidar.json;
 * the AV2 sensor origin [1.4, 0, 1.6] was read off its rings: per-laser elevation spread is least
 * there), and frames simulated by src/sim (exact truth).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CuboidShape } from '../../src/domain/geometry/CuboidShape.ts';
import { estimateGround, groundHeightAt } from '../../src/domain/geometry/estimateGround.ts';
import type { GroundModel } from '../../src/domain/geometry/estimateGround.ts';
import { fitCuboid } from '../../src/domain/geometry/fitCuboid.ts';
import { iou3d, iouBev } from '../../src/domain/geometry/iou.ts';
import { buildPointGrid } from '../../src/domain/geometry/PointGrid.ts';
import type { PointGrid } from '../../src/domain/geometry/PointGrid.ts';
import { pointsInCuboids } from '../../src/domain/geometry/pointsInCuboids.ts';
import { kittiToCuboid } from '../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../src/domain/kitti/parseKittiLabel.ts';
import { readVelodyneBin } from '../../src/domain/kitti/readVelodyneBin.ts';
import { estimateScanSensor } from '../../src/domain/sensor/estimateScanSensor.ts';
import { buildScene } from '../../src/sim/scene.ts';
import { buildRays, createSensor } from '../../src/sim/sensor.ts';
import { simulateFrame } from '../../src/sim/simulateFrame.ts';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');
const args = new Set(process.argv.slice(2));

interface Truth extends CuboidShape {
  label: string;
}

interface Frame {
  source: string;
  name: string;
  positions: Float32Array;
  boxes: Truth[];
  sensorOrigin?: [number, number, number];
  /** Ring (laser id) per point, when the file has one. */
  ring?: Float32Array;
}

function kittiFrames(): Frame[] {
  const dir = path.join(SAMPLES, 'kitti');
  return ['000000', '000001', '000002'].map((id) => {
    const cloud = readVelodyneBin(new Uint8Array(readFileSync(path.join(dir, 'velodyne', `${id}.bin`))));
    const calib = parseKittiCalib(readFileSync(path.join(dir, 'calib', `${id}.txt`), 'utf8'));
    const boxes = parseKittiLabel(readFileSync(path.join(dir, 'label_2', `${id}.txt`), 'utf8'))
      .filter((o) => o.type !== 'DontCare')
      .map((o) => {
        const c = kittiToCuboid(o, calib);
        return { label: c.label, center: c.center, size: c.size, yaw: c.yaw };
      });
    return { source: 'kitti', name: id, positions: cloud.positions, boxes };
  });
}

/** Multisensor labels mapped to the KITTI classes the fit knows (others are skipped). */
const CLASS_MAP: Record<string, string> = {
  REGULAR_VEHICLE: 'Car',
  PEDESTRIAN: 'Pedestrian',
  BUS: 'Truck',
  BOX_TRUCK: 'Truck',
  LARGE_VEHICLE: 'Truck',
  TRUCK: 'Truck',
  Car: 'Car',
  Pedestrian: 'Pedestrian',
  Rider: 'Cyclist',
  Bus: 'Truck',
  Truck: 'Truck',
  Motor: 'Cyclist',
};

function multisensorFrames(): Frame[] {
  const dir = path.join(SAMPLES, 'multisensor');
  const out: Frame[] = [];
  for (const [folder, bin, origin] of [
    ['av2_adcf7d18_315973157959879000', '315973157959879000_xyz_intensity_laser.f32.bin', [1.4, 0, 1.6]],
    ['sustechpoints_example_000975', '000975_xyz_intensity_ring.f32.bin', undefined],
  ] as const) {
    const buf = readFileSync(path.join(dir, folder, bin));
    const raw = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const n = raw.length / 5;
    const positions = new Float32Array(3 * n);
    const ring = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      positions.set(raw.subarray(5 * i, 5 * i + 3), 3 * i);
      ring[i] = raw[5 * i + 4];
    }
    const json = JSON.parse(readFileSync(path.join(dir, folder, 'boxes_lidar.json'), 'utf8')) as {
      label: string;
      center: [number, number, number];
      size: [number, number, number];
      yaw: number;
    }[];
    const boxes = json
      .filter((b) => CLASS_MAP[b.label] !== undefined)
      .map((b) => ({ label: CLASS_MAP[b.label], center: b.center, size: b.size, yaw: b.yaw }));
    out.push({ source: folder.split('_')[0], name: folder, positions, boxes, sensorOrigin: origin ? [...origin] : undefined, ring });
  }
  return out;
}

function simFrames(): Frame[] {
  const sensor = createSensor();
  const rays = buildRays(sensor);
  const out: Frame[] = [];
  for (const seed of [11, 23, 37, 41]) {
    const scene = buildScene(seed);
    for (const index of [0, 6]) {
      const f = simulateFrame(scene, sensor, index, { rays });
      const boxes = f.objects.map((o) => ({ label: o.label as string, center: o.center, size: o.size, yaw: o.yaw }));
      out.push({ source: 'sim', name: `seed ${seed} frame ${index}`, positions: f.cloud.positions, boxes });
    }
  }
  return out;
}

interface Row {
  source: string;
  group: string;
  click: 'centre' | 'point';
  range: number;
  points: number;
  bev: number;
  iou3: number;
  headingErr: number;
  axisErr: number;
  hErr: number;
  fitted: boolean;
  desc: string;
}

function group(label: string): string {
  return label === 'Pedestrian' || label === 'Cyclist' ? label : label === 'Car' ? 'Car' : 'Van/Truck';
}

function angleErr(a: number, b: number): number {
  const d = Math.abs((((a - b) % (2 * Math.PI)) + 3 * Math.PI) % (2 * Math.PI) - Math.PI);
  return (d * 180) / Math.PI;
}

/** Deterministic random in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function evaluate(frame: Frame, rows: Row[]): void {
  const grid: PointGrid = buildPointGrid(frame.positions);
  const ground: GroundModel = estimateGround(frame.positions);
  const inside = pointsInCuboids(frame.positions, frame.boxes, { grid });
  // --sensor: the sensor model estimated from the scan (as the worker does), origin not given.
  const sensor = args.has('--sensor') ? estimateScanSensor(frame.positions, { ring: frame.ring, ground }) : undefined;
  const rand = rng(12345);
  frame.boxes.forEach((gt, b) => {
    const idx = inside.indices[b];
    if (idx.length < 10) return;
    const p = frame.positions;
    const onObject = Array.from(idx).filter((i) => p[3 * i + 2] > groundHeightAt(ground, p[3 * i], p[3 * i + 1]) + 0.3);
    const clicks: [Row['click'], number, number][] = [];
    if (!args.has('--random-only')) clicks.push(['centre', gt.center[0], gt.center[1]]);
    if (onObject.length > 0) {
      const i = onObject[Math.floor(rand() * onObject.length)];
      clicks.push(['point', p[3 * i], p[3 * i + 1]]);
    }
    const o = frame.sensorOrigin ?? [0, 0, 0];
    const range = Math.hypot(gt.center[0] - o[0], gt.center[1] - o[1]);
    for (const [click, x, y] of clicks) {
      const r = fitCuboid(p, { x, y }, { label: gt.label, grid, ground, sensor, ...(frame.sensorOrigin ? { sensorOrigin: frame.sensorOrigin } : {}) });
      const he = r ? angleErr(r.yaw, gt.yaw) : 180;
      const row: Row = {
        source: frame.source,
        group: group(gt.label),
        click,
        range,
        points: idx.length,
        bev: r ? iouBev(r, gt) : 0,
        iou3: r ? iou3d(r, gt) : 0,
        headingErr: he,
        axisErr: Math.min(he, 180 - he),
        hErr: r ? r.size[2] - gt.size[2] : NaN,
        fitted: r !== null,
        desc: '',
      };
      row.desc =
        `${frame.source} ${frame.name} ${gt.label} ${click} r=${range.toFixed(1)} n=${idx.length}: ` +
        `bev ${row.bev.toFixed(2)} 3d ${row.iou3.toFixed(2)} yawErr ${he.toFixed(1)}° ` +
        (r
          ? `size ${r.size.map((v) => v.toFixed(2)).join('×')} vs ${gt.size.map((v) => v.toFixed(2)).join('×')} ` +
            `dz ${(r.center[2] - gt.center[2]).toFixed(2)} dRad ${radialOffset(r.center, gt.center, o).toFixed(2)} ${r.headingSource ?? ''} ${r.confidence ?? ''}${r.topSeen ? ' top' : ''} ` +
            `los−gtYaw ${angleErr(Math.atan2(gt.center[1] - (frame.sensorOrigin?.[1] ?? 0), gt.center[0] - (frame.sensorOrigin?.[0] ?? 0)), gt.yaw).toFixed(0)}° fit n=${r.pointCount}`
          : 'no fit');
      rows.push(row);
    }
  });
}

/** How much farther from the sensor the fitted centre is than the true one (metres, BEV). */
function radialOffset(c: readonly number[], t: readonly number[], o: readonly number[]): number {
  const ux = t[0] - o[0];
  const uy = t[1] - o[1];
  const d = Math.hypot(ux, uy) || 1;
  return ((c[0] - t[0]) * ux + (c[1] - t[1]) * uy) / d;
}

function median(v: number[]): number {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

function summarise(label: string, rows: Row[]): string {
  if (rows.length === 0) return '';
  return (
    `${label.padEnd(28)} n=${String(rows.length).padStart(3)}  BEV med ${median(rows.map((r) => r.bev)).toFixed(3)} ` +
    `mean ${mean(rows.map((r) => r.bev)).toFixed(3)}  3D mean ${mean(rows.map((r) => r.iou3)).toFixed(3)}  ` +
    `axisErr med ${median(rows.map((r) => r.axisErr)).toFixed(1)}°  backwards ${(100 * mean(rows.map((r) => (r.headingErr > 90 ? 1 : 0)))).toFixed(0)}%  ` +
    `|dh| med ${median(rows.filter((r) => r.fitted).map((r) => Math.abs(r.hErr))).toFixed(2)}  nofit ${rows.filter((r) => !r.fitted).length}`
  );
}

function timing(frames: Frame[]): string {
  // KITTI frames are 115–125k points. Clicks on every labelled object with points (centre and
  // a point on it), and on 30 random points (walls, bushes, ground), with the grid and ground
  // model the worker keeps per frame: the click-to-box path.
  const onObjects: number[] = [];
  const anywhere: number[] = [];
  const cold: number[] = [];
  const rand = rng(7);
  const q = (v: number[], p: number): number => [...v].sort((x, y) => x - y)[Math.min(v.length - 1, Math.floor(p * v.length))];
  const time = (f: Frame, x: number, y: number, label: string, out: number[], prebuilt: boolean, grid: PointGrid, ground: GroundModel): void => {
    const t0 = performance.now();
    fitCuboid(f.positions, { x, y }, prebuilt ? { label, grid, ground } : { label });
    out.push(performance.now() - t0);
  };
  for (const f of frames.filter((x) => x.source === 'kitti')) {
    const grid = buildPointGrid(f.positions);
    const ground = estimateGround(f.positions);
    const n = f.positions.length / 3;
    for (const gt of f.boxes) {
      for (let rep = 0; rep < 3; rep++) time(f, gt.center[0], gt.center[1], gt.label, onObjects, true, grid, ground);
      time(f, gt.center[0], gt.center[1], gt.label, cold, false, grid, ground);
    }
    for (let k = 0; k < 30; k++) {
      const i = Math.floor(rand() * n);
      time(f, f.positions[3 * i], f.positions[3 * i + 1], 'Car', anywhere, true, grid, ground);
    }
  }
  const fmt = (v: number[]): string => `median ${median(v).toFixed(1)} ms, p95 ${q(v, 0.95).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)} ms`;
  return (
    `fit time on KITTI frames (~120k points), with the frame's grid and ground model:\n` +
    `  clicks on labelled objects (${onObjects.length}): ${fmt(onObjects)}\n` +
    `  clicks on random points (${anywhere.length}, mostly walls and vegetation): ${fmt(anywhere)}\n` +
    `  clicks on labelled objects building grid and local ground inside (${cold.length}): ${fmt(cold)}`
  );
}

function main(): void {
  const frames = [...kittiFrames(), ...multisensorFrames(), ...(args.has('--no-sim') ? [] : simFrames())];
  const rows: Row[] = [];
  for (const f of frames) evaluate(f, rows);
  if (args.has('--rows')) for (const r of rows) console.log(r.desc);
  const lines: string[] = [];
  for (const source of [...new Set(rows.map((r) => r.source))]) {
    for (const g of ['Car', 'Van/Truck', 'Pedestrian', 'Cyclist']) {
      lines.push(summarise(`${source} ${g}`, rows.filter((r) => r.source === source && r.group === g)));
    }
  }
  lines.push(summarise('ALL real Car', rows.filter((r) => r.source !== 'sim' && r.group === 'Car')));
  lines.push(summarise('ALL Car', rows.filter((r) => r.group === 'Car')));
  lines.push(summarise('ALL Pedestrian', rows.filter((r) => r.group === 'Pedestrian')));
  lines.push(summarise('ALL Cyclist', rows.filter((r) => r.group === 'Cyclist')));
  lines.push(summarise('ALL Van/Truck', rows.filter((r) => r.group === 'Van/Truck')));
  console.log(lines.filter((l) => l !== '').join('\n'));
  console.log(timing(frames));
}

main();
