/**
 * Recall and false flags of the fit-disagreement rule (and of all rules together) with one defect
 * seeded on one box at a time. Not the official quality bench (tests/bench/quality); a tuning aid.
 *
 *   npx tsx tests/bench/fitDisagreement.ts [--rows] [--only kitti|sim|multi]
 *
 * Frames: the simulated samples (samples/, label_2 + calib + velodyne), the real KITTI frames
 * (../shared/samples/kitti) and the real Argoverse 2 / SUSTechPOINTS frames
 * (../shared/samples/multisensor, x y z intensity ring float32 + boxes_lidar.json; the beam field
 * is passed to the frame analysis, the sensor origin is estimated as in the app).
 *
 * Clean: every ground-truth box; a box counts as flagged when a rule gives it an error (warning).
 * Defects, on boxes with at least 10 returns (points in the box above its bottom 0.2 m): turned
 * 30° and 90°, shrunk to 70 % about its centre, shifted 1 m and 2.5 m in a seeded horizontal
 * direction. A defect is caught when a result on that box (error / warning) is new against the
 * clean run (same rule and box). Counted for the new rule alone, all other rules, and all rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckResult } from '../../src/domain/checks/CheckResult.ts';
import { createCheckContext } from '../../src/domain/checks/createCheckContext.ts';
import { analyzeFrame } from '../../src/domain/checks/frame/analyzeFrame.ts';
import type { FrameAnalysis } from '../../src/domain/checks/frame/FrameAnalysis.ts';
import { ALL_RULES } from '../../src/domain/checks/rules/allRules.ts';
import { judgeBoxes } from '../../src/domain/checks/rules/fitDisagreement.ts';
import { runChecks } from '../../src/domain/checks/runChecks.ts';
import { kittiToCuboid } from '../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../src/domain/kitti/parseKittiLabel.ts';
import { readVelodyneBin } from '../../src/domain/kitti/readVelodyneBin.ts';
import { parsePcd } from '../../src/domain/pcd/parsePcd.ts';
import type { Cuboid, Vec3 } from '../../src/domain/types.ts';

const RULE = 'fitDisagreement';
const args = process.argv.slice(2);
const showRows = args.includes('--rows');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

interface Frame {
  source: string;
  id: string;
  positions: Float32Array;
  boxes: Cuboid[];
  analysis: FrameAnalysis;
}

const SHARED = path.resolve(process.cwd(), '../shared/samples');
const SAMPLES = path.resolve(process.cwd(), 'samples');

function simFrames(): Frame[] {
  const dir = path.join(SAMPLES, 'velodyne');
  if (!existsSync(dir)) return [];
  const calibOf = (id: string) => parseKittiCalib(readFileSync(path.join(SAMPLES, 'calib', `${id}.txt`), 'utf8'));
  return readdirSync(dir).sort().map((file) => {
    const id = file.replace(/\.(pcd|bin)$/, '');
    const raw = readFileSync(path.join(dir, file));
    const positions = file.endsWith('.bin') ? readVelodyneBin(raw).positions : parsePcd(raw).positions;
    const calib = calibOf(id);
    const boxes = parseKittiLabel(readFileSync(path.join(SAMPLES, 'label_2', `${id}.txt`), 'utf8'))
      .filter((o) => o.type !== 'DontCare')
      .map((o, i) => kittiToCuboid(o, calib, { id: `${id}#${i + 1}` }));
    return { source: 'sim', id: `sim/${id}`, positions, boxes, analysis: analyzeFrame(positions) };
  });
}

function kittiFrames(): Frame[] {
  const dir = path.join(SHARED, 'kitti');
  if (!existsSync(dir)) return [];
  return readdirSync(path.join(dir, 'label_2')).sort().map((f) => {
    const id = f.slice(0, -4);
    const read = (sub: string, ext: string) => readFileSync(path.join(dir, sub, `${id}.${ext}`));
    const positions = readVelodyneBin(read('velodyne', 'bin')).positions;
    const calib = parseKittiCalib(read('calib', 'txt').toString('utf8'));
    const boxes = parseKittiLabel(read('label_2', 'txt').toString('utf8'))
      .filter((o) => o.type !== 'DontCare')
      .map((o, i) => kittiToCuboid(o, calib, { id: `${id}#${i + 1}` }));
    return { source: 'kitti', id: `kitti/${id}`, positions, boxes, analysis: analyzeFrame(positions) };
  });
}

const CLASS: Record<string, string | null> = {
  REGULAR_VEHICLE: 'Car', Car: 'Car', LARGE_VEHICLE: 'Truck', BOX_TRUCK: 'Truck', TRUCK: 'Truck', Truck: 'Truck',
  BUS: 'Truck', Bus: 'Truck', PEDESTRIAN: 'Pedestrian', Pedestrian: 'Pedestrian', Rider: 'Cyclist', Motor: 'Cyclist',
  BOLLARD: null, SIGN: null,
};

function multisensorFrames(): Frame[] {
  const dir = path.join(SHARED, 'multisensor');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => existsSync(path.join(dir, d, 'boxes_lidar.json'))).sort().map((folder) => {
    const sub = path.join(dir, folder);
    const bin = readdirSync(sub).find((f) => f.endsWith('.f32.bin'))!;
    const buf = readFileSync(path.join(sub, bin));
    const raw = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const n = Math.floor(raw.length / 5);
    const positions = new Float32Array(3 * n);
    const ring = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      positions[3 * i] = raw[5 * i];
      positions[3 * i + 1] = raw[5 * i + 1];
      positions[3 * i + 2] = raw[5 * i + 2];
      ring[i] = raw[5 * i + 4];
    }
    const labels = JSON.parse(readFileSync(path.join(sub, 'boxes_lidar.json'), 'utf8')) as { label: string; center: Vec3; size: Vec3; yaw: number }[];
    const boxes: Cuboid[] = [];
    labels.forEach((b, i) => {
      const cls = CLASS[b.label];
      if (cls === undefined) throw new Error(`${folder}/boxes_lidar.json box ${i}: unknown label "${b.label}"`);
      if (cls === null) return;
      boxes.push({ id: `${folder.split('_')[0]}#${i}`, trackId: null, label: cls, center: b.center, size: b.size, yaw: b.yaw, attributes: { truncated: 0, occluded: 0 }, source: 'import' });
    });
    return { source: 'multi', id: `multi/${folder.split('_')[0]}`, positions, boxes, analysis: analyzeFrame(positions, { ring }) };
  });
}

const DEFECTS = ['turn30', 'turn90', 'shrink70', 'shift1', 'shift2.5'] as const;
type Defect = (typeof DEFECTS)[number];

function seeded(b: Cuboid, d: Defect, seed: number): Cuboid {
  const a = ((seed * 2654435761) % 360) * (Math.PI / 180);
  switch (d) {
    case 'turn30': return { ...b, yaw: b.yaw + (seed % 2 ? 1 : -1) * (Math.PI / 6) };
    case 'turn90': return { ...b, yaw: b.yaw + Math.PI / 2 };
    case 'shrink70': return { ...b, size: [b.size[0] * 0.7, b.size[1] * 0.7, b.size[2] * 0.7] };
    case 'shift1': return { ...b, center: [b.center[0] + Math.cos(a), b.center[1] + Math.sin(a), b.center[2]] };
    case 'shift2.5': return { ...b, center: [b.center[0] + 2.5 * Math.cos(a), b.center[1] + 2.5 * Math.sin(a), b.center[2]] };
  }
}

const GROUPS = (label: string) => (label === 'Pedestrian' || label === 'Person_sitting' ? 'people' : label === 'Cyclist' ? 'cyclists' : 'vehicles');
const OTHER_RULES = ALL_RULES.map((r) => r.id).filter((id) => id !== RULE);

type Tally = { n: number; ruleE: number; ruleW: number; otherE: number; otherW: number; allE: number; allW: number };
const tally = (): Tally => ({ n: 0, ruleE: 0, ruleW: 0, otherE: 0, otherW: 0, allE: 0, allW: 0 });

const frames = [
  ...(only === null || only === 'sim' ? simFrames() : []),
  ...(only === null || only === 'kitti' ? kittiFrames() : []),
  ...(only === null || only === 'multi' ? multisensorFrames() : []),
];
const clean: Record<string, Tally> = {};
const defects: Record<string, Tally> = {};
const key = (r: CheckResult) => `${r.ruleId}:${r.cuboidId}`;
let seed = 1;
for (const f of frames) {
  const ctx = createCheckContext({ frameId: f.id, positions: f.positions, cuboids: f.boxes, analysis: f.analysis });
  const all = runChecks(ctx, { frameRules: false });
  const cleanKeys = new Set(all.filter((r) => r.severity !== 'info').map(key));
  if (args.includes('--dump')) {
    for (const { index, judgement: j } of judgeBoxes(ctx)) {
      const b = f.boxes[index];
      const faces = j.beyond.map((v, k) => `${(v / j.tolerance[k]).toFixed(1)}/${j.countBeyond[k]}${j.atReach[k] ? 'R' : ''}`).join(' ');
      console.log(`DUMP ${f.id} ${b.label.padEnd(10)} n=${String(j.n).padStart(5)} r=${j.range.toFixed(0).padStart(3)} turn=${j.turn === null ? '  -' : j.turn.toFixed(1).padStart(5)} σ=${j.sigma.toFixed(1).padStart(5)} hug=${j.hugGain.toFixed(2)} long=${j.longAxisKnown ? 1 : 0} ends=${j.endsSeen.map(Number).join('')} gaps=${j.gap.map((g) => g.toFixed(2)).join(',')} out=${(100 * j.outsideShare).toFixed(0)}% faces ${faces}`);
    }
  }
  f.boxes.forEach((b, i) => {
    const returns = ctx.pointCounts[i];
    const t = (clean[`${f.source} ${GROUPS(b.label)}`] ??= tally());
    const mine = all.filter((r) => r.cuboidId === b.id && r.severity !== 'info');
    t.n++;
    const has = (rs: CheckResult[], s: string) => rs.some((r) => r.severity === s);
    const ruleRs = mine.filter((r) => r.ruleId === RULE);
    const otherRs = mine.filter((r) => r.ruleId !== RULE);
    if (has(ruleRs, 'error')) t.ruleE++;
    else if (has(ruleRs, 'warning')) t.ruleW++;
    if (has(otherRs, 'error')) t.otherE++;
    else if (has(otherRs, 'warning')) t.otherW++;
    if (has(mine, 'error')) t.allE++;
    else if (has(mine, 'warning')) t.allW++;
    if (showRows && ruleRs.length > 0) console.log(`CLEAN ${f.id} ${b.id} ${b.label} n=${returns}: ${ruleRs.map((r) => `${r.severity} ${r.message}`).join(' | ')}`);
    if (returns < 10) return;
    for (const d of DEFECTS) {
      const broken = f.boxes.slice();
      broken[i] = seeded(b, d, seed++);
      const dctx = createCheckContext({ frameId: f.id, positions: f.positions, cuboids: broken, analysis: f.analysis });
      if (args.includes('--dump') && args.includes(d)) {
        for (const { index, judgement: j } of judgeBoxes({ ...dctx, analysis: f.analysis, only: new Set([b.id]) })) {
          const bb = broken[index];
          const faces = j.beyond.map((v, k) => `${(v / j.tolerance[k]).toFixed(1)}/${j.countBeyond[k]}${j.atReach[k] ? 'R' : ''}`).join(' ');
          console.log(`DDUMP ${d} ${f.id} ${bb.label.padEnd(10)} n=${String(j.n).padStart(5)} r=${j.range.toFixed(0).padStart(3)} turn=${j.turn === null ? '  -' : j.turn.toFixed(1).padStart(5)} σ=${j.sigma.toFixed(1).padStart(5)} hug=${j.hugGain.toFixed(2)} long=${j.longAxisKnown ? 1 : 0} ends=${j.endsSeen.map(Number).join('')} gaps=${j.gap.map((g) => g.toFixed(2)).join(',')} out=${(100 * j.outsideShare).toFixed(0)}% faces ${faces}`);
        }
      }
      const rs = runChecks(dctx, { only: [b.id], frameRules: false }).filter((r) => r.cuboidId === b.id && r.severity !== 'info' && !cleanKeys.has(key(r)));
      const dt = (defects[`${d.padEnd(9)} ${f.source.padEnd(6)} ${GROUPS(b.label)}`] ??= tally());
      dt.n++;
      const ruleRs2 = rs.filter((r) => r.ruleId === RULE);
      const otherRs2 = rs.filter((r) => OTHER_RULES.includes(r.ruleId));
      if (has(ruleRs2, 'error')) dt.ruleE++;
      if (ruleRs2.length > 0) dt.ruleW++;
      if (has(otherRs2, 'error')) dt.otherE++;
      if (otherRs2.length > 0) dt.otherW++;
      if (has(rs, 'error')) dt.allE++;
      if (rs.length > 0) dt.allW++;
      if (showRows && ruleRs2.length === 0) console.log(`MISS ${d} ${f.id} ${b.id} ${b.label} n=${returns} d=${Math.hypot(b.center[0], b.center[1]).toFixed(0)}m others: ${otherRs2.map((r) => r.ruleId + ':' + r.severity).join(',')}`);
    }
  });
}

const pct = (a: number, n: number) => (n === 0 ? '   —' : `${((100 * a) / n).toFixed(0).padStart(3)}%`);
console.log('\nCLEAN boxes (share with an error / with a warning but no error)');
console.log('group                     boxes |  rule E   rule W | others E  others W |  all E   all W');
const sumClean = tally();
for (const [k, t] of Object.entries(clean).sort()) {
  for (const f of Object.keys(t) as (keyof Tally)[]) sumClean[f] += t[f];
  console.log(`${k.padEnd(24)} ${String(t.n).padStart(6)} |  ${pct(t.ruleE, t.n)}    ${pct(t.ruleW, t.n)} |  ${pct(t.otherE, t.n)}     ${pct(t.otherW, t.n)} |  ${pct(t.allE, t.n)}   ${pct(t.allW, t.n)}`);
}
const t = sumClean;
console.log(`${'all'.padEnd(24)} ${String(t.n).padStart(6)} |  ${pct(t.ruleE, t.n)}    ${pct(t.ruleW, t.n)} |  ${pct(t.otherE, t.n)}     ${pct(t.otherW, t.n)} |  ${pct(t.allE, t.n)}   ${pct(t.allW, t.n)}`);
console.log('\nDEFECTS on boxes with >= 10 returns (caught as error / as error or warning)');
console.log('defect    source group       n |  rule E  rule E+W | others E  others E+W |  all E  all E+W');
const byDefect: Record<string, Tally> = {};
for (const [k, dt] of Object.entries(defects).sort()) {
  const parts = k.split(/ +/);
  for (const name of [parts[0], `${parts[0]} ${parts[2]}`]) {
    const s = (byDefect[name] ??= tally());
    for (const f of Object.keys(dt) as (keyof Tally)[]) s[f] += dt[f];
  }
  console.log(`${k.padEnd(26)} ${String(dt.n).padStart(4)} |  ${pct(dt.ruleE, dt.n)}     ${pct(dt.ruleW, dt.n)} |  ${pct(dt.otherE, dt.n)}       ${pct(dt.otherW, dt.n)} |  ${pct(dt.allE, dt.n)}    ${pct(dt.allW, dt.n)}`);
}
for (const [d, dt] of Object.entries(byDefect).sort()) {
  console.log(`${('ALL ' + d).padEnd(26)} ${String(dt.n).padStart(4)} |  ${pct(dt.ruleE, dt.n)}     ${pct(dt.ruleW, dt.n)} |  ${pct(dt.otherE, dt.n)}       ${pct(dt.otherW, dt.n)} |  ${pct(dt.allE, dt.n)}    ${pct(dt.allW, dt.n)}`);
}
