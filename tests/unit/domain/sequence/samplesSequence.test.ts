/**
 * Propagation and interpolation on the project's generated sequence (samples/: 10 frames of a
 * moving sensor, ground truth with track ids in ground_truth.json). Each frame's boxes are in
 * that frame's own LiDAR frame, as the tool sees them. Prints the figures it measures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { propagateBox } from '../../../../src/domain/sequence/propagateBox.ts';
import type { PropagationStatus } from '../../../../src/domain/sequence/propagateBox.ts';
import { interpolateTrack } from '../../../../src/domain/sequence/interpolateTrack.ts';
import { yawDelta } from '../../../../src/domain/sequence/predictBox.ts';
import type { FrameCloud } from '../../../../src/domain/sequence/registerBox.ts';

interface GtObject {
  trackId: string;
  class: string;
  center: [number, number, number];
  size: [number, number, number];
  yaw: number;
  labelled: boolean;
}
interface GtFrame {
  frameId: string;
  file: string;
  objects: GtObject[];
}

const root = resolve(process.cwd(), 'samples');
const STEPS = 5;
const gt: { frames: GtFrame[] } = JSON.parse(readFileSync(resolve(root, 'ground_truth.json'), 'utf8'));
const shape = (o: GtObject): CuboidShape => ({ center: o.center, size: o.size, yaw: o.yaw });
const byTrack = (f: GtFrame) => new Map(f.objects.map((o) => [o.trackId, o]));
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

function loadFrame(f: GtFrame): FrameCloud {
  const bytes = readFileSync(resolve(root, f.file));
  const positions = f.file.endsWith('.bin') ? readVelodyneBin(bytes).positions : parsePcd(bytes, { fileName: f.file }).positions;
  return { positions, grid: buildPointGrid(positions), ground: estimateGround(positions) };
}

interface RunResult {
  /** Per track: its box in frames 0..STEPS (frame 0 = ground truth). */
  boxes: Map<string, CuboidShape[]>;
  statuses: PropagationStatus[];
  iouByClass: Map<string, number[]>;
}

/** Frame 0's labelled ground truth carried frame by frame (each step from the previous result). */
function propagateSequence(clouds: FrameCloud[], track: boolean): RunResult {
  const start = gt.frames[0].objects.filter((o) => o.labelled);
  const boxes = new Map(start.map((o) => [o.trackId, [shape(o)]]));
  const statuses: PropagationStatus[] = [];
  const iouByClass = new Map<string, number[]>();
  for (let f = 1; f <= STEPS; f++) {
    const truth = byTrack(gt.frames[f]);
    const target = clouds[f];
    for (const o of start) {
      const history = boxes.get(o.trackId)!;
      const r = propagateBox(target.positions, history.slice(-2), {
        label: o.class,
        grid: target.grid,
        ground: target.ground,
        previous: track ? clouds[f - 1] : undefined,
      });
      history.push(r.box);
      statuses.push(r.status);
      const list = iouByClass.get(o.class) ?? [];
      list.push(iouBev(r.box, shape(truth.get(o.trackId)!)));
      iouByClass.set(o.class, list);
    }
  }
  return { boxes, statuses, iouByClass };
}

function summary(run: RunResult): string {
  return [...run.iouByClass].map(([c, v]) => `${c} ${mean(v).toFixed(3)} (n=${v.length})`).join(', ');
}

describe('propagation over the generated sequence (frame 0 ground truth, 5 frames)', () => {
  let clouds: FrameCloud[] = [];
  let tracked: RunResult;
  let fitted: RunResult;

  beforeAll(() => {
    clouds = gt.frames.slice(0, STEPS + 1).map(loadFrame);
    tracked = propagateSequence(clouds, true);
    fitted = propagateSequence(clouds, false);
    // Six frames parsed and analysed and 2 × 5 propagation passes: about 7 s alone on a 2-core
    // machine, so the hook gets room for a busy CI.
  }, 60_000);

  it('reports its figures', ({ annotate }) => {
    const last = byTrack(gt.frames[STEPS]);
    const continuity = (run: RunResult) => [...run.boxes].filter(([id, b]) => iouBev(b[STEPS], shape(last.get(id)!)) > 0.3).length / run.boxes.size;
    const attention = (run: RunResult) => run.statuses.filter((s) => s !== 'fitted').length;
    const line = (name: string, run: RunResult) =>
      `${name}: mean BEV IoU ${summary(run)}; tracks matched (IoU > 0.3) at frame ${STEPS}: ` +
      `${(continuity(run) * 100).toFixed(1)} %; ${attention(run)}/${run.statuses.length} boxes marked for attention`;
    annotate(line('tracked + fit', tracked));
    annotate(line('fit only', fitted));
    expect(tracked.statuses).toHaveLength(STEPS * tracked.boxes.size);
  });

  it('keeps cars at a mean BEV IoU of at least 0.7 against the ground truth (tracked: 0.85)', () => {
    expect(mean(tracked.iouByClass.get('Car')!)).toBeGreaterThan(0.85);
    expect(mean(fitted.iouByClass.get('Car')!)).toBeGreaterThan(0.7);
  });

  it('keeps people, riders and large vehicles on their objects too', () => {
    for (const cls of ['Pedestrian', 'Cyclist', 'Van', 'Truck']) expect(mean(tracked.iouByClass.get(cls)!)).toBeGreaterThan(0.75);
  });

  it('still matches at least 90 % of the tracks (IoU > 0.3) at frame 5', () => {
    const last = byTrack(gt.frames[STEPS]);
    const matched = [...tracked.boxes].filter(([id, b]) => iouBev(b[STEPS], shape(last.get(id)!)) > 0.3);
    expect(matched.length / tracked.boxes.size).toBeGreaterThanOrEqual(0.9);
  });

  it('never turns a box by more than 90° between consecutive frames', () => {
    let steps = 0;
    for (const run of [tracked, fitted]) {
      for (const boxes of run.boxes.values()) {
        for (let f = 1; f <= STEPS; f++) {
          expect(Math.abs(yawDelta(boxes[f - 1].yaw, boxes[f].yaw))).toBeLessThanOrEqual(Math.PI / 2);
          steps++;
        }
      }
    }
    expect(steps).toBe(2 * STEPS * tracked.boxes.size);
  });
});

describe('interpolation over the generated sequence (ground truth keyframes 0 and 9)', () => {
  it('reproduces the ground truth in between (objects and ego move at constant velocity)', ({ annotate }) => {
    const first = byTrack(gt.frames[0]);
    const last = gt.frames.length - 1;
    const iouByClass = new Map<string, number[]>();
    for (const o of gt.frames[last].objects) {
      const a = first.get(o.trackId);
      if (!a || !a.labelled || !o.labelled) continue;
      for (const { index, box } of interpolateTrack({ index: 0, box: shape(a) }, { index: last, box: shape(o) })) {
        const truth = byTrack(gt.frames[index]).get(o.trackId)!;
        const list = iouByClass.get(o.class) ?? [];
        list.push(iouBev(box, shape(truth)));
        iouByClass.set(o.class, list);
      }
    }
    annotate(`keyframes 0 and ${last}: mean BEV IoU ${[...iouByClass].map(([c, v]) => `${c} ${mean(v).toFixed(3)} (n=${v.length})`).join(', ')}`);
    expect(iouByClass.size).toBeGreaterThanOrEqual(4);
    for (const v of iouByClass.values()) expect(mean(v)).toBeGreaterThan(0.9);
  });
});
